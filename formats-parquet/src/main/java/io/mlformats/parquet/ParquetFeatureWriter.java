package io.mlformats.parquet;

import io.mlformats.core.TabularWriter;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.parquet.internal.ParquetOutput;
import io.mlformats.parquet.internal.SchemaWriteSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes labelled feature rows ({@link LabeledRow}) as a Parquet table in one of the {@link FeatureLayout}s. The
 * default layout (label, then one float column per feature) is what SageMaker XGBoost reads: it takes the first
 * column as the label. Works without Hadoop jars.
 *
 * <p>How a row is written:
 * <ul>
 *   <li>label: a row has one label when the table has a label column, and at most one otherwise (ignored);
 *       multi-label rows and rows with a qid are refused;</li>
 *   <li>weight: the row's weight (1 when it has none) when the table has a weight column;</li>
 *   <li>COLUMNS: dense rows must have exactly {@code numFeatures} values; sparse rows are scattered into the
 *       columns, absent features written as nulls (missing values, as XGBoost treats absent LibSVM entries), or
 *       as 0 when the row says absent entries are zeros ({@link LabeledRow#absentIsZero()}); an index
 *       {@code >= numFeatures} is refused. When {@code numFeatures} is 0, the width of the first row (its dense
 *       size, or its sparse dimension) fixes it, and the table is started at that row;</li>
 *   <li>LIST: dense rows only, of any size;</li>
 *   <li>SPARSE: sparse rows as index/value lists; dense rows with the indices of their non-NaN values.</li>
 * </ul>
 * A refused row is an {@link IllegalArgumentException} before any of it is written; the writer stays usable.
 *
 * <p>Lifecycle ({@link io.mlformats.core.RecordWriter}): only {@link #commit()} writes the footer and publishes;
 * {@link #close()} without it aborts. For a local file nothing appears under the target name before commit, and
 * an existing file there is left exactly as it was on abort. For a caller's {@link OutputFile}, see
 * {@link #open(OutputFile, ParquetFeatureWriteOptions)}. An I/O failure in a write poisons the writer: commit
 * then aborts and throws. Rows are read during {@link #write} only; the caller may reuse its row. Not
 * thread-safe.
 */
public final class ParquetFeatureWriter implements TabularWriter<LabeledRow> {
    private final ParquetFeatureWriteOptions requested;
    private final ParquetOutput<LabeledRow> output;
    private Support support;

    private ParquetFeatureWriter(ParquetFeatureWriteOptions options, ParquetOutput<LabeledRow> output) {
        this.requested = options;
        this.output = output;
    }

    /**
     * Opens a writer of a local file: rows go to a hidden temporary sibling of {@code file}, which
     * {@link #commit()} renames over {@code file}.
     *
     * <p>The writer creates the file and publishes or deletes it.
     *
     * @param file    the target path; an existing file there is replaced only by {@link #commit()}
     * @param options layout, width, value type, columns, compression and row group size; not null
     * @return an open writer
     * @throws IOException                   if the temporary file cannot be created
     * @throws UnsupportedOperationException if the parquet-java on the class path is older than 1.14 (Spark 3.5's
     *                                       1.13.1, for example); the message names the version found
     */
    public static ParquetFeatureWriter open(Path file, ParquetFeatureWriteOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        return new ParquetFeatureWriter(options, ParquetOutput.file(file));
    }

    /**
     * Opens a writer into parquet-java's {@link OutputFile} (an object store, HDFS, memory...). No atomic rename
     * is possible there: {@link OutputFile#create} is called when the table starts (at open, or at the first row
     * when the first row fixes the width), and Parquet writes its header and each full row group into that
     * stream. {@link #commit()} writes the footer and closes the stream. {@link #abort()} (and {@link #close()}
     * without commit) writes nothing more and does <em>not</em> close the stream: what reached it has no footer,
     * so no Parquet reader accepts it, and a store that publishes on close publishes nothing; deleting a partial
     * object is the caller's business.
     *
     * <p>The caller owns {@code file}.
     *
     * @param file    where the Parquet bytes go; its {@code create} is called once, when the table starts
     * @param options layout, width, value type, columns, compression and row group size; not null
     * @return an open writer
     * @throws IOException                   if the stream cannot be created
     * @throws UnsupportedOperationException if the parquet-java on the class path is older than 1.14
     */
    public static ParquetFeatureWriter open(OutputFile file, ParquetFeatureWriteOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        return new ParquetFeatureWriter(options, ParquetOutput.outputFile(file));
    }

    /**
     * Opens a writer of a local file with {@link ParquetFeatureWriteOptions#defaults()} (the XGBoost layout; the
     * first row fixes the number of feature columns).
     *
     * <p>The writer creates the file and publishes or deletes it.
     *
     * @param file the target path; an existing file there is replaced only by {@link #commit()}
     * @return an open writer
     * @throws IOException as {@link #open(Path, ParquetFeatureWriteOptions)}
     */
    public static ParquetFeatureWriter open(Path file) throws IOException {
        return open(file, ParquetFeatureWriteOptions.defaults());
    }

    /**
     * Writes one row (the same as {@link #writeRow}).
     *
     * @throws IllegalArgumentException if the row does not fit the table (see the class comment); nothing of it
     *                                  is written and the writer stays usable
     * @throws IllegalStateException    after commit, abort or close
     * @throws IOException              if the output failed (the writer is then poisoned)
     */
    @Override
    public void write(LabeledRow row) throws IOException {
        output.requireOpen();
        if (support == null) {
            start(row);
        }
        support.check(row);
        output.write(row);
    }

    /**
     * Writes one labelled row; see {@link #write}.
     *
     * @throws IllegalArgumentException if the row does not fit the table
     * @throws IllegalStateException    after commit, abort or close
     * @throws IOException              if the output failed (the writer is then poisoned)
     */
    @Override
    public void writeRow(LabeledRow row) throws IOException {
        write(row);
    }

    /** Does nothing: Parquet cannot flush part of a row group; rows reach the output as row groups fill. */
    @Override
    public void flush() {
    }

    /**
     * Writes the footer and publishes: the local file appears under its name, or the {@code OutputFile}'s
     * stream is finished and closed. A table with no rows is a valid empty table.
     *
     * @throws IOException           if finishing failed or an earlier write failed; the output is then aborted
     * @throws IllegalStateException if already committed, aborted or closed
     */
    @Override
    public void commit() throws IOException {
        output.requireOpen();
        if (support == null && !output.failed()) {
            try {
                start(null);
            } catch (IOException | RuntimeException e) {
                output.abort();
                throw e;
            }
        }
        output.commit();
    }

    /** Discards the output (see the factories for what that means for each target). Idempotent. */
    @Override
    public void abort() {
        output.abort();
    }

    /** Aborts unless {@link #commit()} succeeded; then a no-op. Idempotent. */
    @Override
    public void close() {
        abort();
    }

    /**
     * The schema this writer would use for {@code options}, as Parquet text (for docs and inspection).
     *
     * @param options the write options to describe; with COLUMNS and {@code numFeatures} 0 the schema has no
     *                feature columns (a writer takes the width from its first row)
     * @return the Parquet message type, as text
     */
    public static String schemaText(ParquetFeatureWriteOptions options) {
        return schema(options).toString();
    }

    /** Fixes the width (from the first row when not given) and starts the table. */
    private void start(LabeledRow first) throws IOException {
        ParquetFeatureWriteOptions o = requested;
        if (o.layout() == FeatureLayout.COLUMNS && o.numFeatures() == 0 && first != null) {
            long w = first.isSparse() ? first.sparse().dimension() : first.dense().size();
            if (w <= 0) {
                throw new IllegalArgumentException("the COLUMNS layout needs the number of features: set "
                        + "ParquetFeatureWriteOptions.withNumFeatures, or start with a dense row or a sparse row "
                        + "with a dimension");
            }
            if (w > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("too many features for Parquet columns: " + w);
            }
            o = o.withNumFeatures((int) w);
        }
        Support s = new Support(o);
        output.begin(s, o.compression().codec(), o.rowGroupBytes());
        support = s;
    }

    static MessageType schema(ParquetFeatureWriteOptions o) {
        PrimitiveTypeName valueName = o.valueType() == ValueType.FLOAT32 ? PrimitiveTypeName.FLOAT
                : PrimitiveTypeName.DOUBLE;
        List<Type> fields = new ArrayList<>();
        if (o.withLabel()) {
            fields.add(Types.required(PrimitiveTypeName.DOUBLE).named(o.labelColumn()));
        }
        if (o.withWeight()) {
            fields.add(Types.required(PrimitiveTypeName.DOUBLE).named(o.weightColumn()));
        }
        switch (o.layout()) {
            case COLUMNS -> {
                for (int i = 0; i < o.numFeatures(); i++) {
                    fields.add(Types.optional(valueName).named(o.effectivePrefix() + i));
                }
            }
            case LIST -> fields.add(list(valueName, o.effectivePrefix()));
            case SPARSE -> {
                fields.add(list(PrimitiveTypeName.INT32, "indices"));
                fields.add(list(valueName, "values"));
            }
        }
        return new MessageType("features", fields);
    }

    private static Type list(PrimitiveTypeName element, String name) {
        return Types.requiredGroup().as(LogicalTypeAnnotation.listType())
                .repeatedGroup().required(element).named("element").named("list")
                .named(name);
    }

    private static final class Support extends SchemaWriteSupport<LabeledRow> {
        private final ParquetFeatureWriteOptions o;
        private final boolean f32;
        private final String[] names;
        private final int featureBase;
        private final double[] scratch;
        private final boolean[] present;

        Support(ParquetFeatureWriteOptions o) {
            super(schema(o), metadata(o));
            this.o = o;
            this.f32 = o.valueType() == ValueType.FLOAT32;
            this.featureBase = (o.withLabel() ? 1 : 0) + (o.withWeight() ? 1 : 0);
            this.names = new String[o.layout() == FeatureLayout.COLUMNS ? o.numFeatures() : 0];
            for (int i = 0; i < names.length; i++) {
                names[i] = o.effectivePrefix() + i;
            }
            this.scratch = new double[names.length];
            this.present = new boolean[names.length];
        }

        private static Map<String, String> metadata(ParquetFeatureWriteOptions o) {
            Map<String, String> m = new HashMap<>();
            if (o.layout() == FeatureLayout.SPARSE && o.numFeatures() > 0) {
                m.put(ParquetFeatureReader.NUM_FEATURES_KEY, Integer.toString(o.numFeatures()));
            }
            m.put("mlformats.layout", o.layout().name());
            return m;
        }

        /** Refuses a row that does not fit, before any of it reaches the column writers. */
        void check(LabeledRow row) {
            if (row.isMultiLabel()) {
                throw new IllegalArgumentException("multi-label rows cannot be written to Parquet");
            }
            if (row.hasQid()) {
                throw new IllegalArgumentException("rows with qid cannot be written to Parquet");
            }
            if (o.withLabel() && row.labelCount() == 0) {
                throw new IllegalArgumentException("row has no label but the table has a label column");
            }
            int limit = o.layout() == FeatureLayout.COLUMNS ? names.length : o.numFeatures();
            if (row.isSparse()) {
                if (o.layout() == FeatureLayout.LIST) {
                    throw new IllegalArgumentException(
                            "the LIST layout takes dense rows; use SPARSE or COLUMNS for sparse rows");
                }
                SparseVector s = row.sparse();
                for (int k = 0; k < s.nnz(); k++) {
                    if (s.index(k) < 0 || (limit > 0 && s.index(k) >= limit)) {
                        throw new IllegalArgumentException("feature index " + s.index(k)
                                + " out of range for " + limit + " features");
                    }
                }
            } else if (o.layout() == FeatureLayout.COLUMNS && row.dense().size() != limit) {
                throw new IllegalArgumentException("dense row has " + row.dense().size()
                        + " features, the table has " + limit);
            }
        }

        @Override
        protected void write(RecordConsumer out, LabeledRow row) {
            int field = 0;
            if (o.withLabel()) {
                out.startField(o.labelColumn(), field);
                out.addDouble(row.label(0));
                out.endField(o.labelColumn(), field);
                field++;
            }
            if (o.withWeight()) {
                out.startField(o.weightColumn(), field);
                out.addDouble(row.weight());
                out.endField(o.weightColumn(), field);
            }
            switch (o.layout()) {
                case COLUMNS -> writeColumns(out, row);
                case LIST -> {
                    DenseVector d = row.dense();
                    writeList(out, o.effectivePrefix(), featureBase, d.size(), (c, i) -> add(c, d.value(i)));
                }
                case SPARSE -> writeSparse(out, row);
            }
        }

        private void add(RecordConsumer out, double v) {
            if (f32) {
                out.addFloat((float) v);
            } else {
                out.addDouble(v);
            }
        }

        private void writeColumns(RecordConsumer out, LabeledRow row) {
            int n = names.length;
            if (!row.isSparse()) {
                DenseVector d = row.dense();
                for (int i = 0; i < n; i++) {
                    out.startField(names[i], featureBase + i);
                    add(out, d.value(i));
                    out.endField(names[i], featureBase + i);
                }
                return;
            }
            boolean zeros = row.absentIsZero();
            java.util.Arrays.fill(present, zeros);
            java.util.Arrays.fill(scratch, 0d);
            SparseVector s = row.sparse();
            for (int k = 0; k < s.nnz(); k++) {
                scratch[s.index(k)] = s.value(k);
                present[s.index(k)] = true;
            }
            for (int i = 0; i < n; i++) {
                if (present[i]) {
                    out.startField(names[i], featureBase + i);
                    add(out, scratch[i]);
                    out.endField(names[i], featureBase + i);
                }
            }
        }

        private void writeSparse(RecordConsumer out, LabeledRow row) {
            if (row.isSparse()) {
                SparseVector s = row.sparse();
                writeList(out, "indices", featureBase, s.nnz(), (c, i) -> c.addInteger(s.index(i)));
                writeList(out, "values", featureBase + 1, s.nnz(), (c, i) -> add(c, s.value(i)));
                return;
            }
            DenseVector d = row.dense();
            int n = 0;
            for (int i = 0; i < d.size(); i++) {
                if (!Double.isNaN(d.value(i))) {
                    scratchIndex(n++, i);
                }
            }
            int[] idx = denseIndices;
            writeList(out, "indices", featureBase, n, (c, i) -> c.addInteger(idx[i]));
            writeList(out, "values", featureBase + 1, n, (c, i) -> add(c, d.value(idx[i])));
        }

        private int[] denseIndices = new int[16];

        private void scratchIndex(int k, int index) {
            if (k == denseIndices.length) {
                denseIndices = java.util.Arrays.copyOf(denseIndices, k * 2);
            }
            denseIndices[k] = index;
        }
    }
}

package io.mlformats.parquet;

import io.mlformats.core.RecordWriter;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.parquet.internal.AtomicParquetFile;
import io.mlformats.parquet.internal.SchemaWriteSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes labelled feature rows to a local Parquet file in one of the {@link FeatureLayout}s. The default layout
 * (label, then one float column per feature) is what SageMaker XGBoost reads: it takes the first column as the
 * label. Works without Hadoop jars.
 *
 * <p>Dense rows must have exactly {@code numFeatures} values in the COLUMNS layout; sparse rows are scattered
 * into the columns, absent features written as nulls (missing values, as XGBoost treats absent LibSVM entries),
 * and an index {@code >= numFeatures} is rejected. In the SPARSE layout dense rows are written with every index.
 *
 * <p>The file appears under its name only when {@link #close()} succeeds; {@link #abort()} (or a failed close)
 * leaves nothing behind. Rows are copied during {@link #write}; the caller may reuse its {@link FeatureRow}.
 * Not thread-safe.
 */
public final class ParquetFeatureWriter implements RecordWriter<FeatureRow> {
    private final Support support;
    private final AtomicParquetFile<FeatureRow> file;

    private ParquetFeatureWriter(Support support, AtomicParquetFile<FeatureRow> file) {
        this.support = support;
        this.file = file;
    }

    /** Creates a writer whose file appears at {@code target} on a successful {@link #close()}. */
    public static ParquetFeatureWriter create(Path target, ParquetFeatureWriterOptions options) throws IOException {
        Support support = new Support(options);
        return new ParquetFeatureWriter(support, AtomicParquetFile.create(target, support,
                options.compression().codec(), options.rowGroupBytes()));
    }

    /**
     * Writes one row.
     *
     * @throws IllegalArgumentException if the row does not fit the layout (missing label, wrong width, index out
     *                                  of range)
     */
    @Override
    public void write(FeatureRow row) throws IOException {
        support.check(row);
        file.write(row);
    }

    /** Parquet cannot flush part of a row group; rows reach the file as row groups fill and on close. */
    @Override
    public void flush() {
    }

    /** Finishes the file and publishes it under its final name. */
    @Override
    public void commit() throws IOException {
        file.commit();
    }

    /** Discards the file: nothing appears under the target name. Idempotent. */
    public void abort() {
        file.abort();
    }

    /** The schema this writer would use for {@code options}, as Parquet text (for docs and inspection). */
    public static String schemaText(ParquetFeatureWriterOptions options) {
        return schema(options).toString();
    }

    static MessageType schema(ParquetFeatureWriterOptions o) {
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
                    fields.add(Types.optional(valueName).named(o.featurePrefix() + i));
                }
            }
            case LIST -> fields.add(list(valueName, o.featurePrefix()));
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

    private static final class Support extends SchemaWriteSupport<FeatureRow> {
        private final ParquetFeatureWriterOptions o;
        private final boolean f32;
        private final String[] names;
        private final int featureBase;
        private double[] scratch = new double[0];
        private boolean[] present = new boolean[0];

        Support(ParquetFeatureWriterOptions o) {
            super(schema(o), metadata(o));
            this.o = o;
            this.f32 = o.valueType() == ValueType.FLOAT32;
            this.featureBase = (o.withLabel() ? 1 : 0) + (o.withWeight() ? 1 : 0);
            this.names = new String[o.layout() == FeatureLayout.COLUMNS ? o.numFeatures() : 0];
            for (int i = 0; i < names.length; i++) {
                names[i] = o.featurePrefix() + i;
            }
        }

        private static Map<String, String> metadata(ParquetFeatureWriterOptions o) {
            Map<String, String> m = new HashMap<>();
            if (o.layout() == FeatureLayout.SPARSE && o.numFeatures() > 0) {
                m.put(ParquetFeatureReader.NUM_FEATURES_KEY, Integer.toString(o.numFeatures()));
            }
            m.put("mlformats.layout", o.layout().name());
            return m;
        }

        /** Rejects a row that does not fit, before any of it reaches the column writers. */
        void check(FeatureRow row) {
            if (o.withLabel() && !row.hasLabel()) {
                throw new IllegalArgumentException("row has no label but the table has a label column");
            }
            int limit = o.layout() == FeatureLayout.COLUMNS ? names.length : o.numFeatures();
            if (row.isSparse()) {
                if (o.layout() == FeatureLayout.LIST) {
                    throw new IllegalArgumentException(
                            "LIST layout takes dense rows; use SPARSE or COLUMNS for sparse rows");
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
        protected void write(RecordConsumer out, FeatureRow row) {
            int field = 0;
            if (o.withLabel()) {
                out.startField(o.labelColumn(), field);
                out.addDouble(row.label());
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
                case LIST -> writeList(out, row);
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

        private void writeColumns(RecordConsumer out, FeatureRow row) {
            int n = names.length;
            if (!row.isSparse()) {
                DenseVector d = row.dense();
                if (d.size() != n) {
                    throw new IllegalArgumentException("dense row has " + d.size() + " features, the table has " + n);
                }
                for (int i = 0; i < n; i++) {
                    out.startField(names[i], featureBase + i);
                    add(out, d.value(i));
                    out.endField(names[i], featureBase + i);
                }
                return;
            }
            if (scratch.length != n) {
                scratch = new double[n];
                present = new boolean[n];
            }
            Arrays.fill(present, false);
            SparseVector s = row.sparse();
            for (int k = 0; k < s.nnz(); k++) {
                int i = s.index(k);
                if (i < 0 || i >= n) {
                    throw new IllegalArgumentException("feature index " + i + " >= number of features " + n);
                }
                scratch[i] = s.value(k);
                present[i] = true;
            }
            for (int i = 0; i < n; i++) {
                if (present[i]) {
                    out.startField(names[i], featureBase + i);
                    add(out, scratch[i]);
                    out.endField(names[i], featureBase + i);
                }
            }
        }

        private void writeList(RecordConsumer out, FeatureRow row) {
            if (row.isSparse()) {
                throw new IllegalArgumentException("LIST layout takes dense rows; use SPARSE or COLUMNS for sparse");
            }
            DenseVector d = row.dense();
            writeList(out, o.featurePrefix(), featureBase, d.size(), (c, i) -> add(c, d.value(i)));
        }

        private void writeSparse(RecordConsumer out, FeatureRow row) {
            if (row.isSparse()) {
                SparseVector s = row.sparse();
                if (o.numFeatures() > 0) {
                    for (int k = 0; k < s.nnz(); k++) {
                        if (s.index(k) >= o.numFeatures()) {
                            throw new IllegalArgumentException("feature index " + s.index(k)
                                    + " >= number of features " + o.numFeatures());
                        }
                    }
                }
                writeList(out, "indices", featureBase, s.nnz(), (c, i) -> c.addInteger(s.index(i)));
                writeList(out, "values", featureBase + 1, s.nnz(), (c, i) -> add(c, s.value(i)));
            } else {
                DenseVector d = row.dense();
                writeList(out, "indices", featureBase, d.size(), (c, i) -> c.addInteger(i));
                writeList(out, "values", featureBase + 1, d.size(), (c, i) -> add(c, d.value(i)));
            }
        }
    }

    /** Aborts unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        abort();
    }
}

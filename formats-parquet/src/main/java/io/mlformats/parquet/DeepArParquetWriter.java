package io.mlformats.parquet;

import io.mlformats.core.RecordWriter;
import io.mlformats.core.vector.ValueType;
import io.mlformats.parquet.internal.ParquetOutput;
import io.mlformats.parquet.internal.SchemaWriteSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes DeepAR series to a Parquet file (a local file, or any parquet-java {@link OutputFile}) with the columns SageMaker DeepAR reads: {@code start: string},
 * {@code target: list<double|float>} (NaN for missing values), and, when enabled, {@code cat: list<int64>} and
 * {@code dynamic_feat: list<list<double|float>>} (standard three-level lists, as pyarrow writes them). A series
 * without cat or dynamic_feat gets a null cell in an enabled column. Works without Hadoop jars.
 *
 * <p>Lifecycle ({@link RecordWriter}): only {@link #commit()} writes the footer and publishes; {@link #close()}
 * without it aborts. For a local file nothing appears under the target name before commit, and an existing file
 * there is left exactly as it was on abort. For a caller's {@link OutputFile}, see
 * {@link #open(OutputFile, DeepArParquetWriteOptions)}. An I/O failure in a write poisons the writer: commit then
 * aborts and throws. A series is read during {@link #write} only. Not thread-safe.
 */
public final class DeepArParquetWriter implements RecordWriter<DeepArParquetSeries> {
    private final ParquetOutput<DeepArParquetSeries> file;
    private final DeepArParquetWriteOptions options;

    private DeepArParquetWriter(ParquetOutput<DeepArParquetSeries> file, DeepArParquetWriteOptions options)
            throws IOException {
        this.file = file;
        this.options = options;
        try {
            file.begin(new Support(options), options.compression().codec(), options.rowGroupBytes());
        } catch (IOException | RuntimeException e) {
            file.abort();
            throw e;
        }
    }

    /**
     * Opens a writer of a local file: series go to a hidden temporary sibling of {@code file}, which
     * {@link #commit()} renames over {@code file}.
     *
     * <p>The writer creates the file and publishes or deletes it.
     *
     * @param file    the target path; an existing file there is replaced only by {@link #commit()}
     * @param options columns, value type, compression and row group size; not null
     * @return an open writer
     * @throws IOException                   if the temporary file cannot be created
     * @throws UnsupportedOperationException if the parquet-java on the class path is older than 1.14 (Spark 3.5's
     *                                       1.13.1, for example); the message names the version found
     */
    public static DeepArParquetWriter open(Path file, DeepArParquetWriteOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        return new DeepArParquetWriter(ParquetOutput.file(file), options);
    }

    /**
     * Opens a writer into parquet-java's {@link OutputFile} (an object store, HDFS, memory...). No atomic rename
     * is possible there: {@link OutputFile#create} is called now, and Parquet writes its header and each full row
     * group into that stream. {@link #commit()} writes the footer and closes the stream. {@link #abort()} (and
     * {@link #close()} without commit) writes nothing more and does <em>not</em> close the stream: what reached
     * it has no footer, so no Parquet reader accepts it, and a store that publishes on close publishes nothing;
     * deleting a partial object is the caller's business.
     *
     * <p>The caller owns {@code file}.
     *
     * @param file    where the Parquet bytes go; its {@code create} is called once, now
     * @param options columns, value type, compression and row group size; not null
     * @return an open writer
     * @throws IOException                   if the stream cannot be created
     * @throws UnsupportedOperationException if the parquet-java on the class path is older than 1.14
     */
    public static DeepArParquetWriter open(OutputFile file, DeepArParquetWriteOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        return new DeepArParquetWriter(ParquetOutput.outputFile(file), options);
    }

    /**
     * Opens a writer of a local file with {@link DeepArParquetWriteOptions#defaults()}.
     *
     * <p>The writer creates the file and publishes or deletes it.
     *
     * @param file the target path; an existing file there is replaced only by {@link #commit()}
     * @return an open writer
     * @throws IOException as {@link #open(Path, DeepArParquetWriteOptions)}
     */
    public static DeepArParquetWriter open(Path file) throws IOException {
        return open(file, DeepArParquetWriteOptions.defaults());
    }

    /**
     * Writes one series.
     *
     * @throws IllegalArgumentException if the series has cat or dynamic_feat but the file has no such column
     *                                  (nothing is written; the writer stays usable)
     * @throws IllegalStateException    after commit, abort or close
     * @throws IOException              if the output failed (the writer is then poisoned)
     */
    @Override
    public void write(DeepArParquetSeries s) throws IOException {
        file.requireOpen();
        if (s.cat() != null && !options.withCat()) {
            throw new IllegalArgumentException("series has 'cat' but the Parquet file was opened without a cat column");
        }
        if (s.dynamicFeat() != null && !options.withDynamicFeat()) {
            throw new IllegalArgumentException(
                    "series has 'dynamic_feat' but the Parquet file was opened without a dynamic_feat column");
        }
        file.write(s);
    }

    /** Does nothing: Parquet cannot flush part of a row group; series reach the output as row groups fill. */
    @Override
    public void flush() {
    }

    /**
     * Writes the footer and publishes: the local file appears under its name, or the {@code OutputFile}'s
     * stream is finished and closed.
     *
     * @throws IOException           if finishing failed or an earlier write failed; the output is then aborted
     * @throws IllegalStateException if already committed, aborted or closed
     */
    @Override
    public void commit() throws IOException {
        file.commit();
    }

    /** Discards the output (see the factories for what that means for each target). Idempotent. */
    @Override
    public void abort() {
        file.abort();
    }

    static MessageType schema(DeepArParquetWriteOptions o) {
        PrimitiveTypeName v = o.targetType() == ValueType.FLOAT32 ? PrimitiveTypeName.FLOAT : PrimitiveTypeName.DOUBLE;
        List<Type> fields = new ArrayList<>();
        fields.add(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("start"));
        fields.add(Types.requiredGroup().as(LogicalTypeAnnotation.listType())
                .repeatedGroup().required(v).named("element").named("list").named("target"));
        if (o.withCat()) {
            fields.add(Types.optionalGroup().as(LogicalTypeAnnotation.listType())
                    .repeatedGroup().required(PrimitiveTypeName.INT64).named("element").named("list").named("cat"));
        }
        if (o.withDynamicFeat()) {
            fields.add(Types.optionalGroup().as(LogicalTypeAnnotation.listType())
                    .repeatedGroup()
                    .requiredGroup().as(LogicalTypeAnnotation.listType())
                    .repeatedGroup().required(v).named("element").named("list")
                    .named("element").named("list").named("dynamic_feat"));
        }
        return new MessageType("deepar", fields);
    }

    private static final class Support extends SchemaWriteSupport<DeepArParquetSeries> {
        private final DeepArParquetWriteOptions o;
        private final boolean f32;

        Support(DeepArParquetWriteOptions o) {
            super(schema(o), Map.of());
            this.o = o;
            this.f32 = o.targetType() == ValueType.FLOAT32;
        }

        private void add(RecordConsumer c, double v) {
            if (f32) {
                c.addFloat((float) v);
            } else {
                c.addDouble(v);
            }
        }

        @Override
        protected void write(RecordConsumer out, DeepArParquetSeries s) {
            out.startField("start", 0);
            out.addBinary(Binary.fromString(s.start()));
            out.endField("start", 0);
            double[] t = s.target();
            writeList(out, "target", 1, t.length, (c, i) -> add(c, t[i]));
            int field = 2;
            if (o.withCat()) {
                long[] cat = s.cat();
                if (cat != null) {
                    writeList(out, "cat", field, cat.length, (c, i) -> c.addLong(cat[i]));
                }
                field++;
            }
            if (o.withDynamicFeat()) {
                double[][] df = s.dynamicFeat();
                if (df != null) {
                    out.startField("dynamic_feat", field);
                    out.startGroup();
                    if (df.length > 0) {
                        out.startField("list", 0);
                        for (double[] row : df) {
                            out.startGroup();
                            out.startField("element", 0);
                            out.startGroup();
                            if (row.length > 0) {
                                out.startField("list", 0);
                                for (double x : row) {
                                    out.startGroup();
                                    out.startField("element", 0);
                                    add(out, x);
                                    out.endField("element", 0);
                                    out.endGroup();
                                }
                                out.endField("list", 0);
                            }
                            out.endGroup();
                            out.endField("element", 0);
                            out.endGroup();
                        }
                        out.endField("list", 0);
                    }
                    out.endGroup();
                    out.endField("dynamic_feat", field);
                }
            }
        }
    }

    /** Aborts unless {@link #commit()} succeeded; then a no-op. Idempotent. */
    @Override
    public void close() {
        abort();
    }
}

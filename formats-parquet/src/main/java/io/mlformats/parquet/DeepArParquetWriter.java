package io.mlformats.parquet;

import io.mlformats.core.RecordWriter;
import io.mlformats.core.vector.ValueType;
import io.mlformats.parquet.internal.AtomicParquetFile;
import io.mlformats.parquet.internal.SchemaWriteSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes DeepAR series to a local Parquet file with the columns SageMaker DeepAR reads: {@code start: string},
 * {@code target: list<double|float>} (NaN for missing values), and, when enabled, {@code cat: list<int64>} and
 * {@code dynamic_feat: list<list<double|float>>} (standard three-level lists, as pyarrow writes them). A series
 * without cat or dynamic_feat gets a null cell in an enabled column. Works without Hadoop jars.
 *
 * <p>The file appears under its name only on a successful {@link #close()}; {@link #abort()} discards it.
 * Not thread-safe.
 */
public final class DeepArParquetWriter implements RecordWriter<DeepArParquetSeries> {
    private final AtomicParquetFile<DeepArParquetSeries> file;
    private final DeepArParquetOptions options;

    private DeepArParquetWriter(AtomicParquetFile<DeepArParquetSeries> file, DeepArParquetOptions options) {
        this.file = file;
        this.options = options;
    }

    public static DeepArParquetWriter create(Path target, DeepArParquetOptions options) throws IOException {
        return new DeepArParquetWriter(AtomicParquetFile.create(target, new Support(options),
                options.compression().codec(), 128L << 20), options);
    }

    /**
     * @throws IllegalArgumentException if the series has cat or dynamic_feat but the file has no such column
     */
    @Override
    public void write(DeepArParquetSeries s) throws IOException {
        if (s.cat() != null && !options.withCat()) {
            throw new IllegalArgumentException("series has 'cat' but the Parquet file was opened without a cat column");
        }
        if (s.dynamicFeat() != null && !options.withDynamicFeat()) {
            throw new IllegalArgumentException(
                    "series has 'dynamic_feat' but the Parquet file was opened without a dynamic_feat column");
        }
        file.write(s);
    }

    @Override
    public void flush() {
    }

    @Override
    public void commit() throws IOException {
        file.commit();
    }

    /** Discards the file. Idempotent. */
    public void abort() {
        file.abort();
    }

    static MessageType schema(DeepArParquetOptions o) {
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
        private final DeepArParquetOptions o;
        private final boolean f32;

        Support(DeepArParquetOptions o) {
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

    /** Aborts unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        abort();
    }
}

package io.mlformats.benchmarks.recordio;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.mlformats.core.ByteSource;
import io.mlformats.core.ByteSources;
import io.mlformats.recordio.RecordIoReadOptions;
import io.mlformats.recordio.RecordIoReader;
import io.mlformats.recordio.RecordIoWriteOptions;
import io.mlformats.recordio.protobuf.RecordProtobufReadOptions;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.recordio.protobuf.RecordProtobufWriteOptions;
import io.mlformats.recordio.protobuf.RecordProtobufWriter;
import io.mlformats.recordio.protobuf.RecordView;
import io.mlformats.recordio.protobuf.TensorView;
import io.mlformats.recordio.protobuf.generated.RecordProtos;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * RecordIO-protobuf, 100,000 rows of float32 features with float32 labels: dense 100 columns (~44.8 MB) and
 * sparse ~50 nnz of 100,000 columns. Each invocation writes or reads the whole data set, so
 * {@code MB/s = fileBytes / time} and {@code rows/s = rows / time} (file sizes are printed at setup).
 *
 * <ul>
 *   <li>{@code writeOurs}: {@link RecordProtobufWriter} rows straight into the output buffer (dmlc framing);</li>
 *   <li>{@code writeProtobufJava}: generated classes, build a {@code Record} per row + {@code writeTo} a
 *       {@link CodedOutputStream}, with RecordIO framing written by hand (what an SDK-style Java writer does);</li>
 *   <li>{@code readOurs}: {@link RecordProtobufReader} over a mapped file, features bulk-copied into a
 *       {@code float[]} and the label read;</li>
 *   <li>{@code readProtobufJava}: the same framing, {@code Record.parseFrom(CodedInputStream)} per payload, then
 *       values copied into a {@code float[]} via {@code getValues(i)};</li>
 *   <li>{@code framingOnly}: {@link RecordIoReader} over the mapped file, touching one byte per payload.</li>
 * </ul>
 * Outputs go to a discarding stream so the disk is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class RecordIoProtobufBenchmark {
    @Param({"dense", "sparse"})
    public String layout;

    @Param({"100000"})
    public int rows;

    private RecordIoDataGenerator.Rows data;
    private Path file;
    private ByteSource mapped;
    private final float[] row = new float[RecordIoDataGenerator.SPARSE_COLS];

    @Setup(Level.Trial)
    public void setup() throws IOException {
        data = RecordIoDataGenerator.Rows.generate(rows, layout.equals("dense"), 42);
        file = Files.createTempFile("recordio-bench-", ".pbr");
        try (RecordProtobufWriter w = RecordProtobufWriter.open(file)) {
            data.writeTo(w);
            w.commit();
        }
        mapped = ByteSources.map(file);
        System.out.printf("%n[%s] %d rows, file %d bytes (%.1f MB)%n", layout, rows, mapped.size(), mapped.size() / 1e6);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        mapped.close();
        Files.deleteIfExists(file);
    }

    /** Discards bytes (counts them so the JIT cannot drop the writes). */
    static final class NullOutput extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    @Benchmark
    public long writeOurs() throws IOException {
        NullOutput out = new NullOutput();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out, RecordProtobufWriteOptions.defaults())) {
            data.writeTo(w);
            w.commit();
        }
        return out.count;
    }

    @Benchmark
    public long writeProtobufJava() throws IOException {
        NullOutput out = new NullOutput();
        CodedOutputStream cos = CodedOutputStream.newInstance(out, 1 << 20);
        byte[] pad = new byte[3];
        for (int i = 0; i < data.values.length; i++) {
            RecordProtos.Float32Tensor.Builder t = RecordProtos.Float32Tensor.newBuilder();
            float[] v = data.values[i];
            for (float x : v) {
                t.addValues(x);
            }
            if (!data.dense) {
                for (int k : data.keys[i]) {
                    t.addKeys(k);
                }
                t.addShape(RecordIoDataGenerator.SPARSE_COLS);
            }
            RecordProtos.Record rec = RecordProtos.Record.newBuilder()
                    .putFeatures("values", RecordProtos.Value.newBuilder().setFloat32Tensor(t).build())
                    .putLabel("values", RecordProtos.Value.newBuilder()
                            .setFloat32Tensor(RecordProtos.Float32Tensor.newBuilder().addValues(data.labels[i])).build())
                    .build();
            int len = rec.getSerializedSize();
            cos.writeFixed32NoTag(0xCED7230A);
            cos.writeFixed32NoTag(len);
            rec.writeTo(cos);
            cos.writeRawBytes(pad, 0, -len & 3);
        }
        cos.flush();
        return out.count;
    }

    @Benchmark
    public double readOurs() throws IOException {
        double sum = 0;
        try (RecordProtobufReader r = RecordProtobufReader.open(mapped.input(), RecordProtobufReadOptions.defaults())) {
            while (r.next()) {
                RecordView v = r.current();
                TensorView f = v.features();
                int n = f.copyTo(row, 0);
                sum += row[n - 1] + v.label().float32(0);
            }
        }
        return sum;
    }

    @Benchmark
    public double readProtobufJava() throws IOException {
        double sum = 0;
        ByteBuffer all = mapped.slice(0, (int) mapped.size()).order(ByteOrder.LITTLE_ENDIAN);
        int p = 0;
        int end = all.limit();
        while (p < end) {
            int len = all.getInt(p + 4) & ((1 << 29) - 1);
            ByteBuffer payload = all.duplicate().position(p + 8).limit(p + 8 + len).slice();
            RecordProtos.Record rec = RecordProtos.Record.parseFrom(CodedInputStream.newInstance(payload));
            RecordProtos.Float32Tensor t = rec.getFeaturesOrThrow("values").getFloat32Tensor();
            int n = t.getValuesCount();
            for (int i = 0; i < n; i++) {
                row[i] = t.getValues(i);
            }
            sum += row[n - 1] + rec.getLabelOrThrow("values").getFloat32Tensor().getValues(0);
            p += 8 + len + (-len & 3);
        }
        return sum;
    }

    @Benchmark
    public void framingOnly(Blackhole bh) throws IOException {
        try (RecordIoReader r = RecordIoReader.open(mapped.input(), RecordIoReadOptions.defaults())) {
            while (r.next()) {
                ByteBuffer b = r.current();
                bh.consume(b.get(b.position()));
            }
        }
    }

    static RecordIoWriteOptions framing() {
        return RecordIoWriteOptions.defaults();
    }
}

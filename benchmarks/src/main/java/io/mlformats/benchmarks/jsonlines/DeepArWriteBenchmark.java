package io.mlformats.benchmarks.jsonlines;

import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.deepar.DeepArSeries;
import io.mlformats.deepar.DeepArWriteOptions;
import io.mlformats.deepar.DeepArWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writes DeepAR series (2,000 points, 4-decimal values, 1% NaN, cat, two dynamic_feat rows) to a counting null
 * stream: formatting throughput without disk. One op = {@code SERIES} series; MB/s = bytes per op / (s/op),
 * printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class DeepArWriteBenchmark {
    static final int SERIES = 500;
    private List<DeepArSeries> series;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        Path tmp = Files.createTempFile("deepar-write", ".json");
        DeepArDataGenerator.generate(tmp, SERIES * 30_000L, 7);
        series = new ArrayList<>();
        try (DeepArReader r = DeepArReader.open(tmp, DeepArReadOptions.training())) {
            while (r.next() && series.size() < SERIES) {
                series.add(r.current().copy());
            }
        }
        Files.delete(tmp);
        System.out.printf("%n%d series, %.1f MB per op%n", series.size(), write() / 1e6);
    }

    @Benchmark
    public long write() throws IOException {
        Counting out = new Counting();
        try (DeepArWriter w = DeepArWriter.open(out, DeepArWriteOptions.defaults())) {
            for (DeepArSeries s : series) {
                w.write(s);
            }
            w.commit();
        }
        return out.n;
    }

    static final class Counting extends OutputStream {
        long n;

        @Override
        public void write(int b) {
            n++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            n += len;
        }
    }
}

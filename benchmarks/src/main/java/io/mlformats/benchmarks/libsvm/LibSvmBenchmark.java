package io.mlformats.benchmarks.libsvm;

import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSource;
import io.mlformats.core.ByteSources;
import io.mlformats.core.SeekableInput;
import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.libsvm.LibSvmLoader;
import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.libsvm.LibSvmReader;
import io.mlformats.libsvm.LibSvmWriteOptions;
import io.mlformats.libsvm.LibSvmWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/**
 * LibSVM parsing and writing on one generated file (LibSvmDataGenerator: ~50 nnz/row, %.7g values), our code and
 * the naive JVM parser side by side. Each operation processes the whole file: MB/s = file MB / (s/op), rows/s =
 * rows / (s/op); both figures are printed at setup. Spark's parser is left out: it needs spark-mllib with
 * Hadoop and Scala on the classpath (hundreds of MB of dependencies), not cheap for this module. Right after
 * the JMH run, time the native peers on the same file: {@code shared/peers/libsvm-peers.sh FILE}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LibSvmBenchmark -p file=/path/bench.svm} (the file is
 * generated at 200 MB, seed 42, when {@code file} is empty or missing).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx12g", "-XX:+UseParallelGC"})
public class LibSvmBenchmark {
    @Param("")
    public String file;

    @Param("200")
    public int generateMb;

    private Path path;
    private ByteSource source;
    private long[] halves;
    private ExecutorService pool;
    private CsrMatrix matrix;
    private final LibSvmReadOptions options = LibSvmReadOptions.defaults();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        path = file.isEmpty() ? Paths.get(System.getProperty("java.io.tmpdir"), "mlformats-libsvm-bench.svm")
                : Paths.get(file);
        if (!Files.exists(path)) {
            LibSvmDataGenerator.generate(path, generateMb * 1_000_000L, 42);
        }
        source = ByteSources.map(path);
        halves = new long[] {0, source.size() / 2, source.size()};
        pool = Executors.newFixedThreadPool(2);
        matrix = new LibSvmLoader(options).loadParallel(source, 2);
        System.out.printf("%nfile %s: %.1f MB, %d rows, %d nnz%n", path, source.size() / 1e6, matrix.numRows(),
                matrix.nnz());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
        source.close();
    }

    /** Streaming through the reusable row view, one thread. */
    @Benchmark
    public long streamOneThread() throws IOException {
        return streamRange(0, source.size());
    }

    /** Streaming, the file split at a line boundary into two halves read on two threads. */
    @Benchmark
    public long streamTwoThreads() throws Exception {
        Future<Long> second = pool.submit(() -> streamRange(halves[1], halves[2]));
        return streamRange(halves[0], halves[1]) + second.get();
    }

    private long streamRange(long from, long to) throws IOException {
        long nnz = 0;
        // Lines that start in [from, to): the two halves tile the file, each line is read once.
        try (SeekableInput in = ByteSources.seekable(source);
                LibSvmReader r = LibSvmReader.open(in, ByteRange.of(from, to), options)) {
            while (r.next()) {
                nnz += r.current().nnz();
            }
        }
        return nnz;
    }

    @Benchmark
    public CsrMatrix loadCsrOneThread() throws IOException {
        return new LibSvmLoader(options).loadParallel(source, 1);
    }

    @Benchmark
    public CsrMatrix loadCsrTwoThreads() throws IOException {
        return new LibSvmLoader(options).loadParallel(source, 2);
    }

    /** Writing the loaded matrix as LibSVM text (MB/s relative to the bytes written, about the file size). */
    @Benchmark
    public long write() throws IOException {
        CountingSink out = new CountingSink();
        try (LibSvmWriter w = LibSvmWriter.open(out, LibSvmWriteOptions.defaults())) {
            w.write(matrix);
            w.commit();
        }
        return out.count;
    }

    /** Writing the loaded matrix with two formatting threads ({@code write(matrix, 2)}; same bytes). */
    @Benchmark
    public long writeTwoThreads() throws IOException {
        CountingSink out = new CountingSink();
        try (LibSvmWriter w = LibSvmWriter.open(out, LibSvmWriteOptions.defaults())) {
            w.write(matrix, 2);
            w.commit();
        }
        return out.count;
    }

    /** The naive JVM parser of perf-libsvm-anchors.md: readLine + String.split + Float.parseFloat into CSR arrays. */
    @Benchmark
    public long naiveSplitParser() throws IOException {
        int[] indices = new int[1 << 20];
        float[] values = new float[1 << 20];
        float[] labels = new float[1 << 16];
        long[] indptr = new long[1 << 16];
        int nnz = 0;
        int rows = 0;
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] tokens = line.trim().split("\\s+");
                if (tokens.length == 0 || tokens[0].isEmpty()) {
                    continue;
                }
                if (rows + 1 >= labels.length) {
                    labels = Arrays.copyOf(labels, labels.length * 2);
                    indptr = Arrays.copyOf(indptr, indptr.length * 2);
                }
                labels[rows] = Float.parseFloat(tokens[0]);
                for (int t = 1; t < tokens.length; t++) {
                    String[] kv = tokens[t].split(":", 2);
                    if (nnz == indices.length) {
                        indices = Arrays.copyOf(indices, nnz * 2);
                        values = Arrays.copyOf(values, nnz * 2);
                    }
                    indices[nnz] = Integer.parseInt(kv[0]);
                    values[nnz++] = Float.parseFloat(kv[1]);
                }
                indptr[++rows] = nnz;
            }
        }
        return nnz + rows;
    }

    private static final class CountingSink extends OutputStream {
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
}

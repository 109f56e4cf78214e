package io.mlformats.benchmarks.codec;

import io.mlformats.core.text.NumberFormatter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing LibSVM-style float values: ours ({@link NumberFormatter#writeFloat} into a reused byte array, shortest
 * digits) against the JDK's {@code Float.toString} (a new String per value, not always shortest on Java 17).
 * The primary score is values per second; {@code outputBytes} is bytes written per second by ours (for the
 * JDK, chars produced).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class FloatFormatBenchmark {
    static final int VALUES = 4096;

    private float[] floats;
    private byte[] out;

    /** Output bytes produced, reported by JMH as a rate next to the values per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public long outputBytes;

        @Setup(Level.Iteration)
        public void reset() {
            outputBytes = 0;
        }
    }

    @Setup
    public void setUp() {
        floats = new LibSvmValues(VALUES, 20261122L).floats;
        out = new byte[VALUES * NumberFormatter.MAX_FLOAT_BYTES];
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public int ours(Throughput t) {
        float[] v = floats;
        byte[] b = out;
        int pos = 0;
        for (int i = 0; i < VALUES; i++) {
            pos = NumberFormatter.writeFloat(v[i], b, pos);
        }
        t.outputBytes += pos;
        return pos;
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public int jdkFloatToString(Throughput t) {
        float[] v = floats;
        int chars = 0;
        for (int i = 0; i < VALUES; i++) {
            chars += Float.toString(v[i]).length();
        }
        t.outputBytes += chars;
        return chars;
    }
}

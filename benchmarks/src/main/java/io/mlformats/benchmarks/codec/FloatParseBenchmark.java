package io.mlformats.benchmarks.codec;

import ch.randelshofer.fastdoubleparser.JavaFloatParser;
import io.mlformats.core.text.NumberParser;
import java.nio.charset.StandardCharsets;
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
 * Parsing LibSVM-style float values from byte ranges: ours ({@link NumberParser#parseFloat} on the bytes), the
 * JDK ({@code Float.parseFloat} on a String made from the bytes, what a naive reader does) and
 * FastDoubleParser ({@code JavaFloatParser.parseFloat(byte[], off, len)}), in one run.
 *
 * <p>The primary score is values parsed per second; the secondary {@code inputBytes} counter is input bytes per
 * second (divide by 10^6 for MB/s).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class FloatParseBenchmark {
    static final int VALUES = 4096;

    private LibSvmValues values;
    private NumberParser parser;

    /** Input bytes consumed, reported by JMH as a rate next to the values per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public long inputBytes;

        @Setup(Level.Iteration)
        public void reset() {
            inputBytes = 0;
        }
    }

    @Setup
    public void setUp() {
        values = new LibSvmValues(VALUES, 20261122L);
        parser = new NumberParser();
        byte[] b = values.bytes;
        for (int i = 0; i < VALUES; i++) {
            float ours = parser.parseFloat(b, values.offsets[i], values.lengths[i]);
            float fdp = JavaFloatParser.parseFloat(b, values.offsets[i], values.lengths[i]);
            if (ours != values.floats[i] || fdp != values.floats[i] || parser.status() != NumberParser.OK) {
                throw new IllegalStateException("parsers disagree on value " + i);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public float ours(Throughput t) {
        byte[] b = values.bytes;
        int[] offsets = values.offsets;
        int[] lengths = values.lengths;
        NumberParser p = parser;
        float sum = 0;
        for (int i = 0; i < VALUES; i++) {
            sum += p.parseFloat(b, offsets[i], lengths[i]);
        }
        t.inputBytes += values.totalBytes;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public float jdkFloatParseFloatOnString(Throughput t) {
        byte[] b = values.bytes;
        int[] offsets = values.offsets;
        int[] lengths = values.lengths;
        float sum = 0;
        for (int i = 0; i < VALUES; i++) {
            sum += Float.parseFloat(new String(b, offsets[i], lengths[i], StandardCharsets.US_ASCII));
        }
        t.inputBytes += values.totalBytes;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public float fastDoubleParser(Throughput t) {
        byte[] b = values.bytes;
        int[] offsets = values.offsets;
        int[] lengths = values.lengths;
        float sum = 0;
        for (int i = 0; i < VALUES; i++) {
            sum += JavaFloatParser.parseFloat(b, offsets[i], lengths[i]);
        }
        t.inputBytes += values.totalBytes;
        return sum;
    }
}

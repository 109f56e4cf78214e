package io.mlformats.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * All 2^32 float bit patterns: written, read back to the same bits, and no decimal with one digit fewer reads
 * back to the same float. On demand only ({@code -Dmlformats.exhaustive=true}); takes minutes.
 */
@EnabledIfSystemProperty(named = "mlformats.exhaustive", matches = "true")
class FloatExhaustiveTest {

    @Test
    void everyFloatRoundTripsWithTheShortestDigits() throws InterruptedException {
        int threads = Integer.getInteger("mlformats.exhaustive.threads", Runtime.getRuntime().availableProcessors());
        AtomicLong failures = new AtomicLong();
        ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        long total = 1L << 32;
        for (int t = 0; t < threads; t++) {
            long from = total * t / threads;
            long to = total * (t + 1) / threads;
            Thread worker = new Thread(() -> sweep(from, to, failures, examples), "float-sweep-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("Swept 2^32 floats in " + seconds + " s on " + threads + " threads, failures: "
                + failures.get());
        assertEquals(0, failures.get(), () -> "first failures: " + examples);
    }

    private static void sweep(long from, long to, AtomicLong failures, ConcurrentLinkedQueue<String> examples) {
        NumberParser parser = new NumberParser();
        byte[] text = new byte[NumberFormatter.MAX_FLOAT_BYTES];
        byte[] shorter = new byte[48];
        for (long i = from; i < to; i++) {
            int bits = (int) i;
            float v = Float.intBitsToFloat(bits);
            int end = NumberFormatter.writeFloat(v, text, 0);
            float back = parser.parseFloat(text, 0, end);
            boolean same = Float.isNaN(v) ? Float.isNaN(back) : Float.floatToRawIntBits(back) == bits;
            String problem = same ? null : "does not read back";
            if (same && Float.isFinite(v) && v != 0 && !isShortest(Math.abs(v), text, end, shorter, parser)) {
                problem = "is not shortest";
            }
            if (problem != null) {
                failures.incrementAndGet();
                if (examples.size() < 20) {
                    examples.add("0x" + Integer.toHexString(bits) + " -> "
                            + new String(text, 0, end, java.nio.charset.StandardCharsets.US_ASCII) + " " + problem);
                }
            }
        }
    }

    /**
     * Reads the digits and exponent of {@code text} without allocating; with n digits, checks that neither
     * neighbouring decimal of n - 1 digits (truncated, truncated + 1 unit) reads back to {@code v}: if any
     * shorter decimal did, one of those two would (the rounding interval is convex).
     */
    private static boolean isShortest(float v, byte[] text, int end, byte[] shorter, NumberParser parser) {
        long digits = 0;
        int exp10 = 0;
        boolean afterPoint = false;
        int i = text[0] == '-' ? 1 : 0;
        for (; i < end && text[i] != 'e'; i++) {
            if (text[i] == '.') {
                afterPoint = true;
            } else {
                digits = 10 * digits + (text[i] - '0');
                if (afterPoint) {
                    exp10--;
                }
            }
        }
        if (i < end) {
            exp10 += (int) parser.parseLong(text, i + 1, end - i - 1);
        }
        while (digits % 10 == 0) {
            digits /= 10;
            exp10++;
        }
        if (digits < 10) {
            return true;
        }
        long truncated = digits / 10;
        return !readsBack(truncated, exp10 + 1, v, shorter, parser)
                && !readsBack(truncated + 1, exp10 + 1, v, shorter, parser);
    }

    private static boolean readsBack(long digits, int exp10, float v, byte[] buf, NumberParser parser) {
        int end = NumberFormatter.writeLong(digits, buf, 0);
        buf[end++] = 'e';
        end = NumberFormatter.writeLong(exp10, buf, end);
        return parser.parseFloat(buf, 0, end) == v;
    }
}

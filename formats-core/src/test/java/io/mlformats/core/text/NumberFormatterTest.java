package io.mlformats.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.mlformats.testkit.AllocationMeter;
import io.mlformats.testkit.Seeds;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumberFormatterTest {

    @Test
    void floatLayoutExamples() {
        assertEquals("1", NumberFormatter.toString(1.0f));
        assertEquals("0.1", NumberFormatter.toString(0.1f));
        assertEquals("1e-7", NumberFormatter.toString(1e-7f));
        assertEquals("0.000001", NumberFormatter.toString(1e-6f));
        assertEquals("0.0000015", NumberFormatter.toString(1.5e-6f));
        assertEquals("123456790", NumberFormatter.toString(123456789f)); // the float is 123456792
        assertEquals("3.4028235e+38", NumberFormatter.toString(3.4028235e38f));
        assertEquals("-0", NumberFormatter.toString(-0.0f));
        assertEquals("0", NumberFormatter.toString(0.0f));
        assertEquals("123.5", NumberFormatter.toString(123.5f));
        assertEquals("100", NumberFormatter.toString(100f));
        assertEquals("0.002", NumberFormatter.toString(2.0e-3f));
        assertEquals("30000000000", NumberFormatter.toString(3e10f)); // Java 17: 3.0000001E10
        assertEquals("1e-45", NumberFormatter.toString(Float.MIN_VALUE)); // Float.toString says 1.4E-45
        assertEquals("1.1754944e-38", NumberFormatter.toString(Float.MIN_NORMAL));
        assertEquals("16777216", NumberFormatter.toString(16777216f));
        assertEquals("340000000000000000000", NumberFormatter.toString(3.4e20f));
        assertEquals("-340000000000000000000", NumberFormatter.toString(-3.4e20f));
        assertEquals("1e+21", NumberFormatter.toString(1e21f));
        assertEquals("NaN", NumberFormatter.toString(Float.NaN));
        assertEquals("Infinity", NumberFormatter.toString(Float.POSITIVE_INFINITY));
        assertEquals("-Infinity", NumberFormatter.toString(Float.NEGATIVE_INFINITY));
        assertEquals("1.5e-7", NumberFormatter.toString(1.5e-7f));
        assertEquals("-2.5e+25", NumberFormatter.toString(-2.5e25f));
    }

    @Test
    void doubleLayoutExamples() {
        assertEquals("1", NumberFormatter.toString(1.0));
        assertEquals("-0", NumberFormatter.toString(-0.0));
        assertEquals("1e+21", NumberFormatter.toString(1e21));
        assertEquals("100000000000000000000", NumberFormatter.toString(1e20));
        // Java 17 (JDK-4511638) prints 9.999999999999999E22, 1.9999999999999998E23 and 8.409999999999999E21.
        assertEquals("1e+23", NumberFormatter.toString(1e23));
        assertEquals("2e+23", NumberFormatter.toString(2e23));
        assertEquals("8.41e+21", NumberFormatter.toString(8.41e21));
        assertEquals("5e-324", NumberFormatter.toString(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", NumberFormatter.toString(Double.MAX_VALUE));
        assertEquals("0.30000000000000004", NumberFormatter.toString(0.1 + 0.2));
        assertEquals("123456789012345680", NumberFormatter.toString(123456789012345678.0));
        assertEquals("9007199254740992", NumberFormatter.toString(9007199254740992.0));
        assertEquals("0.000001", NumberFormatter.toString(1e-6));
        assertEquals("1e-7", NumberFormatter.toString(1e-7));
        assertEquals("-1.5e+300", NumberFormatter.toString(-1.5e300));
        assertEquals("NaN", NumberFormatter.toString(Double.NaN));
        assertEquals("-Infinity", NumberFormatter.toString(Double.NEGATIVE_INFINITY));
    }

    @Test
    void writesAtTheOffsetAndReturnsTheEnd() {
        byte[] b = new byte[40];
        b[2] = 'x';
        int end = NumberFormatter.writeFloat(-1.5f, b, 3);
        assertEquals(7, end);
        assertEquals("x-1.5", new String(b, 2, 5, java.nio.charset.StandardCharsets.US_ASCII));
        end = NumberFormatter.writeDouble(Math.PI, b, 1);
        assertEquals("3.141592653589793", new String(b, 1, end - 1, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void longsMatchLongToString() {
        long base = Seeds.base();
        byte[] b = new byte[NumberFormatter.MAX_LONG_BYTES];
        for (long v : new long[] {0, 1, -1, 9, 10, 99, 100, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1}) {
            assertEquals(Long.toString(v), new String(b, 0, NumberFormatter.writeLong(v, b, 0),
                    java.nio.charset.StandardCharsets.US_ASCII));
        }
        for (int i = 0; i < 200_000; i++) {
            long v = Seeds.forCase(base, i).nextLong() >> (i % 64);
            int end = NumberFormatter.writeLong(v, b, 0);
            assertEquals(Long.toString(v), new String(b, 0, end, java.nio.charset.StandardCharsets.US_ASCII),
                    Seeds.describe(base, i));
        }
    }

    @Test
    void doublesAreShortestAndClosest() {
        long base = Seeds.base();
        int shorterThanJdk = 0;
        for (int i = 0; i < 20_000; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            double v = i % 4 == 0 ? Double.longBitsToDouble(r.nextLong(1L << 52)) // subnormals
                    : i % 4 == 1 ? r.nextInt(1_000_000) / Math.pow(10, r.nextInt(12)) // short decimals
                    : Double.longBitsToDouble(r.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
            String ours = NumberFormatter.toString(v);
            assertNull(ShortestCheck.checkDouble(v, ours), Seeds.describe(base, i));
            int jdkDigits = new BigDecimal(Double.toString(v)).stripTrailingZeros().precision();
            int ourDigits = new BigDecimal(ours).stripTrailingZeros().precision();
            // Java 17 is sometimes longer than needed, never shorter.
            assertTrue(ourDigits <= jdkDigits, Seeds.describe(base, i) + ": " + ours + " vs " + v);
            if (ourDigits < jdkDigits) {
                shorterThanJdk++;
            }
        }
        for (double v : new double[] {Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE,
            Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, 1e23, 2e23, 8.41e21, 5e-324,
            9007199254740993.0, 0.1, 1.0 / 3}) {
            assertNull(ShortestCheck.checkDouble(v, NumberFormatter.toString(v)), "value " + v);
        }
        for (int p = -1074; p <= 1023; p++) {
            double v = Math.scalb(1.0, p);
            assertNull(ShortestCheck.checkDouble(v, NumberFormatter.toString(v)), "2^" + p);
        }
        assertTrue(shorterThanJdk > 0, "the sample should contain values where Java 17 is not shortest");
    }

    @Test
    void floatsAreShortestAndClosest() {
        long base = Seeds.base();
        for (int i = 0; i < 20_000; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            float v = i % 4 == 0 ? Float.intBitsToFloat(r.nextInt(1 << 23))
                    : i % 4 == 1 ? (float) (r.nextInt(100_000) / Math.pow(10, r.nextInt(8)))
                    : Float.intBitsToFloat(r.nextInt(0x7F80_0000));
            String ours = NumberFormatter.toString(v);
            assertNull(ShortestCheck.checkFloat(v, ours), Seeds.describe(base, i));
            int jdkDigits = new BigDecimal(Float.toString(v)).stripTrailingZeros().precision();
            assertTrue(new BigDecimal(ours).stripTrailingZeros().precision() <= jdkDigits, ours + " vs " + v);
        }
        for (int p = -149; p <= 127; p++) {
            float v = Math.scalb(1.0f, p);
            assertNull(ShortestCheck.checkFloat(v, NumberFormatter.toString(v)), "2^" + p);
        }
        for (int t = 1; t < 2000; t++) { // the smallest subnormals, where the decimal is one or two digits
            float v = Float.intBitsToFloat(t);
            assertNull(ShortestCheck.checkFloat(v, NumberFormatter.toString(v)), "subnormal " + t);
        }
    }

    @Test
    void writesDoNotAllocate() {
        float[] floats = {1f, 0.1f, -3.4028235e38f, 1e-45f, 123456.7f, Float.NaN, -0f, 3e20f, 1e-7f};
        double[] doubles = {1, 0.1, -1.7976931348623157e308, 5e-324, Math.PI, Double.NEGATIVE_INFINITY, 1e21, 1e-7};
        byte[] dst = new byte[64];
        int sink = 0;
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long before = AllocationMeter.allocatedBytes();
            for (int i = 0; i < 20_000; i++) {
                sink += NumberFormatter.writeFloat(floats[i % floats.length], dst, 0);
                sink += NumberFormatter.writeDouble(doubles[i % doubles.length], dst, 0);
                sink += NumberFormatter.writeLong(i * 7919L - 50_000, dst, 0);
            }
            long allocated = AllocationMeter.allocatedBytes() - before;
            if (round >= 2) {
                fewest = Math.min(fewest, allocated);
            }
        }
        // JIT compilation can allocate on this thread in a round or two; an allocation per call could not hide
        // in every round.
        assertEquals(0, fewest, "bytes allocated by 60,000 writes in the quietest round (sink " + sink + ")");
    }

    @Test
    void wordStoresStayInsideTheRoomAndAgreeWithTheExactPath() {
        // Word stores run only with room to spare; an array that ends right after the number takes the exact
        // byte-by-byte path. Both must write the same text, and nothing outside [off, off + MAX) may change.
        long base = Seeds.base();
        for (int i = 0; i < 200_000; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            int kind = i % 4;
            String what = Seeds.describe(base, i);
            if (kind == 0) {
                float v = Float.parseFloat(String.format("%.7g", r.nextGaussian() * Math.pow(10, r.nextInt(-9, 10))));
                checkRoom((b, off) -> NumberFormatter.writeFloat(v, b, off), NumberFormatter.MAX_FLOAT_BYTES, what);
            } else if (kind == 1) {
                float v = Float.intBitsToFloat(r.nextInt());
                checkRoom((b, off) -> NumberFormatter.writeFloat(v, b, off), NumberFormatter.MAX_FLOAT_BYTES, what);
            } else if (kind == 2) {
                double v = r.nextBoolean() ? Double.longBitsToDouble(r.nextLong())
                        : r.nextInt(100_000_000) / Math.pow(10, r.nextInt(-3, 15));
                checkRoom((b, off) -> NumberFormatter.writeDouble(v, b, off), NumberFormatter.MAX_DOUBLE_BYTES, what);
            } else {
                long v = r.nextLong() >> r.nextInt(64);
                checkRoom((b, off) -> NumberFormatter.writeLong(v, b, off), NumberFormatter.MAX_LONG_BYTES, what);
            }
        }
    }

    private interface Write {
        int at(byte[] b, int off);
    }

    private static void checkRoom(Write write, int max, String what) {
        int off = 7;
        byte[] roomy = new byte[off + max + 9];
        java.util.Arrays.fill(roomy, (byte) '~');
        int end = write.at(roomy, off);
        for (int j = 0; j < roomy.length; j++) {
            if (j < off || j >= off + max) {
                assertEquals('~', roomy[j], what + ": byte " + j + " outside the room changed");
            }
        }
        String text = new String(roomy, off, end - off, java.nio.charset.StandardCharsets.US_ASCII);
        byte[] exact = new byte[off + text.length()];
        assertEquals(exact.length, write.at(exact, off), what + ": " + text);
        assertEquals(text, new String(exact, off, text.length(), java.nio.charset.StandardCharsets.US_ASCII),
                what);
    }

    @Test
    void maxBytesConstantsBoundEveryOutput() {
        byte[] b = new byte[64];
        assertEquals(NumberFormatter.MAX_FLOAT_BYTES, NumberFormatter.writeFloat(-3.4028233e20f, b, 0));
        assertTrue(NumberFormatter.writeFloat(-1.2345678e-6f, b, 0) <= NumberFormatter.MAX_FLOAT_BYTES);
        assertTrue(NumberFormatter.writeDouble(-1.2345678901234567e-6, b, 0) <= NumberFormatter.MAX_DOUBLE_BYTES);
        assertTrue(NumberFormatter.writeDouble(-1.2345678901234567e-300, b, 0) <= NumberFormatter.MAX_DOUBLE_BYTES);
        assertEquals(NumberFormatter.MAX_LONG_BYTES, NumberFormatter.writeLong(Long.MIN_VALUE, b, 0));
    }
}

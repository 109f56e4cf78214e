package io.mlformats.core.text;

import io.mlformats.testkit.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** parse(format(x)) == x, bit for bit, for millions of random bit patterns and the edge values. */
class NumberRoundTripTest {
    private final NumberParser parser = new NumberParser();
    private final byte[] buf = new byte[64];

    @Test
    void randomFloatBitPatterns() {
        long base = Seeds.base();
        SplittableRandom r = Seeds.forCase(base, 0);
        for (int i = 0; i < 2_000_000; i++) {
            int bits = r.nextInt();
            roundTripFloat(Float.intBitsToFloat(bits), base, i);
        }
    }

    @Test
    void randomDoubleBitPatterns() {
        long base = Seeds.base();
        SplittableRandom r = Seeds.forCase(base, 1);
        for (int i = 0; i < 1_000_000; i++) {
            roundTripDouble(Double.longBitsToDouble(r.nextLong()), base, i);
        }
    }

    @Test
    void edgeValues() {
        long base = Seeds.base();
        float[] floats = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
            -Float.MAX_VALUE, Math.nextDown(Float.MIN_NORMAL), Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, 16777216f, 16777217f, 8388607.5f, 0.1f, 1e-7f, 1e21f, 1e20f};
        for (float f : floats) {
            roundTripFloat(f, base, -1);
        }
        double[] doubles = {0d, -0d, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, Math.nextDown(Double.MIN_NORMAL), Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 9007199254740992d, 9007199254740993d, 1e23, 1e21, 1e20, 0.1};
        for (double d : doubles) {
            roundTripDouble(d, base, -1);
        }
        for (int p = -1074; p <= 1023; p++) {
            double d = Math.scalb(1.0, p);
            roundTripDouble(d, base, p);
            roundTripDouble(Math.nextUp(d), base, p);
            roundTripDouble(Math.nextDown(d), base, p);
            roundTripFloat((float) d, base, p);
            roundTripFloat(Math.nextUp((float) d), base, p);
            roundTripFloat(Math.nextDown((float) d), base, p);
        }
        for (int p = -325; p <= 309; p++) {
            double d = Double.parseDouble("1e" + p);
            roundTripDouble(d, base, p);
            roundTripDouble(Math.nextUp(d), base, p);
            roundTripDouble(Math.nextDown(d), base, p);
            float f = Float.parseFloat("1e" + p);
            roundTripFloat(f, base, p);
            roundTripFloat(Math.nextUp(f), base, p);
            roundTripFloat(Math.nextDown(f), base, p);
        }
        for (int t = 0; t < 100_000; t++) { // smallest subnormals and the top of the normal range
            roundTripFloat(Float.intBitsToFloat(t), base, t);
            roundTripFloat(Float.intBitsToFloat(0x7F7F_FFFF - t), base, t);
            roundTripDouble(Double.longBitsToDouble(t), base, t);
            roundTripDouble(Double.longBitsToDouble(0x7FEF_FFFF_FFFF_FFFFL - t), base, t);
        }
    }

    private void roundTripFloat(float v, long base, int i) {
        int end = NumberFormatter.writeFloat(v, buf, 0);
        float back = parser.parseFloat(buf, 0, end);
        boolean same = Float.isNaN(v) ? Float.isNaN(back) : Float.floatToRawIntBits(v) == Float.floatToRawIntBits(back);
        if (!same) {
            throw new AssertionError(Seeds.describe(base, i) + ": float " + v + " (bits 0x"
                    + Integer.toHexString(Float.floatToRawIntBits(v)) + ") wrote "
                    + new String(buf, 0, end, StandardCharsets.US_ASCII) + ", read back " + back);
        }
    }

    private void roundTripDouble(double v, long base, int i) {
        int end = NumberFormatter.writeDouble(v, buf, 0);
        double back = parser.parseDouble(buf, 0, end);
        boolean same = Double.isNaN(v) ? Double.isNaN(back)
                : Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(back);
        if (!same) {
            throw new AssertionError(Seeds.describe(base, i) + ": double " + v + " (bits 0x"
                    + Long.toHexString(Double.doubleToRawLongBits(v)) + ") wrote "
                    + new String(buf, 0, end, StandardCharsets.US_ASCII) + ", read back " + back);
        }
        // The text must also be what the JDK reads as the same value (no private dialect).
        String text = new String(buf, 0, end, StandardCharsets.US_ASCII);
        if (Double.isFinite(v) && Double.doubleToRawLongBits(Double.parseDouble(text)) != Double.doubleToRawLongBits(v)) {
            throw new AssertionError(Seeds.describe(base, i) + ": JDK reads " + text + " differently");
        }
    }
}

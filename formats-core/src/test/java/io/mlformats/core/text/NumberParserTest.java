package io.mlformats.core.text;

import static io.mlformats.core.text.CodecCases.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.mlformats.testkit.AllocationMeter;
import io.mlformats.testkit.Seeds;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {
    private final NumberParser parser = new NumberParser();

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "1f", "1d", "1F", "1D", "--1", "+-1", "nanx", "0x10", "0x1p3", "1_000",
        "1,5", "1e", "1e+", "1e-", "e5", "E5", ".", "+", "-", "+.", ".e1", "1..2", "1.2.3", "1e5.5", "1e5e5",
        "infinit", "infinityy", "na", "nana", "-", "\t1", "1\n", "١", "1ee5", "Infinity1", "inf inity", "+nan+",
        "1e+-5", "0b1", "NaN0", "٣"})
    void rejectsInvalidSpellings(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        parser.parseFloat(b, 0, b.length);
        assertEquals(NumberParser.SYNTAX, parser.status(), "float '" + s + "'");
        parser.parseDouble(b, 0, b.length);
        assertEquals(NumberParser.SYNTAX, parser.status(), "double '" + s + "'");
    }

    @Test
    void parsesWithinALargerArrayWithoutReadingOutside() {
        byte[] b = ascii("xx-12.5e1yy");
        assertEquals(-125.0, parser.parseDouble(b, 2, 7));
        assertEquals(NumberParser.OK, parser.status());
        assertEquals(-125.0f, parser.parseFloat(b, 2, 7));
        // The same digits followed by a letter inside the range are rejected.
        parser.parseDouble(b, 2, 8);
        assertEquals(NumberParser.SYNTAX, parser.status());
        assertEquals(-12, parser.parseLong(b, 2, 3));
        assertEquals(NumberParser.OK, parser.status());
    }

    @Test
    void nonFiniteSpellings() {
        for (String s : List.of("nan", "NaN", "NAN", "-nan", "+NaN")) {
            assertTrue(Double.isNaN(parser.parseDouble(ascii(s), 0, s.length())), s);
            assertEquals(NumberParser.NON_FINITE, parser.status(), s);
            assertTrue(Float.isNaN(parser.parseFloat(ascii(s), 0, s.length())), s);
            assertEquals(NumberParser.NON_FINITE, parser.status(), s);
        }
        for (String s : List.of("inf", "Inf", "+INF", "infinity", "Infinity", "+iNfInItY", "-inf", "-Infinity")) {
            double expected = s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            assertEquals(expected, parser.parseDouble(ascii(s), 0, s.length()), s);
            assertEquals(NumberParser.NON_FINITE, parser.status(), s);
            assertEquals((float) expected, parser.parseFloat(ascii(s), 0, s.length()), s);
            assertEquals(NumberParser.NON_FINITE, parser.status(), s);
        }
    }

    @Test
    void overflowIsOutOfRangeWithTheSignedInfinityAndUnderflowIsZero() {
        assertFloat("1e39", Float.POSITIVE_INFINITY, NumberParser.OUT_OF_RANGE);
        assertFloat("-3.4028236e38", Float.NEGATIVE_INFINITY, NumberParser.OUT_OF_RANGE);
        assertFloat("3.4028235e38", Float.MAX_VALUE, NumberParser.OK);
        // MAX + half an ulp rounds to even, i.e. up to infinity; a hair less stays finite.
        assertFloat("340282356779733661637539395458142568448", Float.POSITIVE_INFINITY, NumberParser.OUT_OF_RANGE);
        assertFloat("340282356779733661637539395458142568447.9", Float.MAX_VALUE, NumberParser.OK);
        assertFloat("1e-46", 0f, NumberParser.OK);
        assertFloat("-1e-46", -0f, NumberParser.OK);
        assertFloat("1e99999999999999999999", Float.POSITIVE_INFINITY, NumberParser.OUT_OF_RANGE);
        assertFloat("0e99999999999999999999", 0f, NumberParser.OK);
        assertDouble("1e309", Double.POSITIVE_INFINITY, NumberParser.OUT_OF_RANGE);
        assertDouble("-1.8e308", Double.NEGATIVE_INFINITY, NumberParser.OUT_OF_RANGE);
        assertDouble("1.7976931348623157e308", Double.MAX_VALUE, NumberParser.OK);
        assertDouble("1e-400", 0d, NumberParser.OK);
        assertDouble("-1e-99999999999", -0d, NumberParser.OK);
        assertDouble("4.9e-324", Double.MIN_VALUE, NumberParser.OK);
        assertDouble("2.4703282292062328e-324", Double.MIN_VALUE, NumberParser.OK);
        assertDouble("2.4703282292062327e-324", 0d, NumberParser.OK);
        // Many digits before a huge negative exponent: the exponent arithmetic must not overflow.
        String manyDigits = "1" + "0".repeat(5000) + "e-5300";
        assertDouble(manyDigits, 1e-300, NumberParser.OK);
        assertDouble("0." + "0".repeat(5000) + "1e5001", 1.0, NumberParser.OK);
    }

    @Test
    void agreesWithTheJdkOnAMillionRandomDecimals() {
        long base = Seeds.base();
        int cases = 1_000_000;
        for (int i = 0; i < cases; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            // Most cases cover the double range (incl. subnormals and both overflow edges), the rest the float's.
            String s = i % 5 < 3 ? CodecCases.randomDecimal(r, -345, 310) : CodecCases.randomDecimal(r, -47, 40);
            checkAgainstJdk(s, Seeds.describe(base, i));
        }
    }

    @Test
    void agreesWithTheJdkOnHalfwayPointsAndTheirNeighbours() {
        long base = Seeds.base();
        for (int i = 0; i < 5_000; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            double d = Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE);
            if (!Double.isFinite(d) || Double.isInfinite(Math.nextUp(d))) {
                continue;
            }
            BigDecimal mid = CodecCases.midpointAbove(d);
            checkHalfway(mid, Seeds.describe(base, i));
            float f = Float.intBitsToFloat(r.nextInt() & Integer.MAX_VALUE);
            if (Float.isFinite(f) && Float.isFinite(Math.nextUp(f))) {
                // The float midpoint has 25 significant bits: exact as a double.
                checkHalfway(new BigDecimal(((double) f + (double) Math.nextUp(f)) / 2), Seeds.describe(base, i));
            }
        }
        // Midpoints with short decimal expansions (where the round-to-even branch of Eisel-Lemire decides).
        for (long m = 1; m < 300; m++) {
            for (int e = -30; e <= 30; e += 3) {
                double v = m * Math.pow(2, e);
                checkHalfway(CodecCases.midpointAbove((double) ((1L << 53) - m) * Math.pow(2, e)), "m=" + m);
                checkAgainstJdk(Double.toString(v), "m=" + m + " e=" + e);
                checkHalfway(new BigDecimal(((double) (float) v + Math.nextUp((float) v)) / 2), "m=" + m);
            }
        }
    }

    private void checkHalfway(BigDecimal mid, String what) {
        BigInteger u = mid.unscaledValue();
        int scale = mid.scale();
        checkAgainstJdk(mid.toString(), what);
        checkAgainstJdk(mid.toPlainString(), what);
        checkAgainstJdk(new BigDecimal(u.multiply(BigInteger.TEN).add(BigInteger.ONE), scale + 1).toString(), what);
        checkAgainstJdk(new BigDecimal(u.multiply(BigInteger.TEN).subtract(BigInteger.ONE), scale + 1).toString(),
                what);
    }

    @Test
    void agreesWithTheJdkOnEdgeValues() {
        List<Double> values = new java.util.ArrayList<>(List.of(Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
                Math.nextDown(Double.MIN_NORMAL), 2.2250738585072011e-308, 1.0, 0.1, 9007199254740993.0));
        for (int p = -325; p <= 310; p++) {
            checkAgainstJdk("1e" + p, "10^" + p);
            checkAgainstJdk("9.999999999999999999999e" + p, "10^" + p);
            checkAgainstJdk("0.0000" + "1".repeat(30) + "e" + p, "ones " + p);
        }
        for (int p = -1074; p <= 1023; p++) {
            values.add(Math.scalb(1.0, p));
        }
        for (double v : values) {
            for (double w : new double[] {v, Math.nextUp(v), Math.nextDown(v), (float) v}) {
                if (!Double.isFinite(w) || !Float.isFinite((float) w)) {
                    continue;
                }
                checkAgainstJdk(Double.toString(w), "value " + w);
                if (w == v) { // the exact expansions of subnormals run to 750 digits: slow for the JDK
                    checkAgainstJdk(new BigDecimal(w).toString(), "exact " + w);
                }
                checkAgainstJdk(Float.toString((float) w), "float " + w);
            }
        }
    }

    @Test
    void shortDecimalsAgreeWithTheJdkInEveryContext() {
        // The word-at-a-time path for [-]digits[.digits] runs only with 18 readable bytes after the number, so
        // each case is also parsed inside larger arrays whose following bytes would continue the number.
        long base = Seeds.base();
        for (int i = 0; i < 300_000; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            StringBuilder sb = new StringBuilder();
            if (r.nextInt(3) == 0) {
                sb.append('-');
            }
            appendDigits(sb, r, r.nextInt(0, 10));
            if (r.nextInt(4) != 0) {
                sb.append('.');
                appendDigits(sb, r, r.nextInt(0, 19));
            }
            String s = sb.toString();
            if (s.isEmpty() || s.equals("-") || s.equals(".") || s.equals("-.")) {
                continue;
            }
            checkAgainstJdk(s, Seeds.describe(base, i));
        }
    }

    private static void appendDigits(StringBuilder sb, SplittableRandom r, int n) {
        for (int k = 0; k < n; k++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
    }

    private static final String[] CONTEXT_TAILS = {"", "00000000000000000000", "                    ",
        "e5.5.5.5.5.5.5.5.5.5", ".123456789012345678", " 12:0.5 345:-0.25 6789:1e-3"};

    private void checkAgainstJdk(String s, String what) {
        for (String tail : CONTEXT_TAILS) {
            checkAgainstJdk(s, tail, what);
        }
    }

    /** Parses {@code s} where it stands inside {@code "ab" + s + tail}; the tail must not change the result. */
    private void checkAgainstJdk(String s, String tail, String what) {
        byte[] b = ascii("ab" + s + tail);
        double expected = Double.parseDouble(s);
        double actual = parser.parseDouble(b, 2, s.length());
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
            throw new AssertionError(what + ": parseDouble(\"" + s + "\" + tail '" + tail + "') = " + actual
                    + ", JDK " + expected);
        }
        assertEquals(Double.isInfinite(expected) ? NumberParser.OUT_OF_RANGE : NumberParser.OK, parser.status(),
                what + " " + s);
        float expectedF = Float.parseFloat(s);
        float actualF = parser.parseFloat(b, 2, s.length());
        if (Float.floatToRawIntBits(expectedF) != Float.floatToRawIntBits(actualF)) {
            throw new AssertionError(what + ": parseFloat(\"" + s + "\" + tail '" + tail + "') = " + actualF
                    + ", JDK " + expectedF);
        }
        assertEquals(Float.isInfinite(expectedF) ? NumberParser.OUT_OF_RANGE : NumberParser.OK, parser.status(),
                what + " " + s);
        if (tail.isEmpty() || tail.charAt(0) == ' ') {
            // Prefix mode, as the LibSVM reader calls it: the number must end where s ends, whatever follows.
            float prefixF = parser.parseFloatPrefix(b, 2, b.length);
            assertEquals(2 + s.length(), parser.parsedEnd(), what + ": end of float prefix \"" + s + "\"");
            assertEquals(Float.floatToRawIntBits(expectedF), Float.floatToRawIntBits(prefixF), what + " prefix " + s);
            double prefixD = parser.parseDoublePrefix(b, 2, b.length);
            assertEquals(2 + s.length(), parser.parsedEnd(), what + ": end of double prefix \"" + s + "\"");
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(prefixD),
                    what + " prefix " + s);
        }
    }

    private void assertFloat(String s, float expected, int status) {
        float v = parser.parseFloat(ascii(s), 0, s.length());
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(v), s);
        assertEquals(status, parser.status(), s);
        assertEquals(Float.floatToRawIntBits(Float.parseFloat(s)), Float.floatToRawIntBits(v), "JDK " + s);
    }

    private void assertDouble(String s, double expected, int status) {
        double v = parser.parseDouble(ascii(s), 0, s.length());
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(v), s);
        assertEquals(status, parser.status(), s);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(v), "JDK " + s);
    }

    @Test
    void parsesLongsAndInts() {
        long base = Seeds.base();
        for (int i = 0; i < 50_000; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            long v = r.nextLong() >> r.nextInt(64);
            String sign = v < 0 ? "-" : r.nextBoolean() ? "+" : "";
            String s = sign + (r.nextInt(8) == 0 ? "000" : "") + Long.toString(v).substring(v < 0 ? 1 : 0);
            assertEquals(v, parser.parseLong(ascii(s), 0, s.length()), Seeds.describe(base, i) + " " + s);
            assertEquals(NumberParser.OK, parser.status(), s);
            int iv = parser.parseInt(ascii(s), 0, s.length());
            if (v == (int) v) {
                assertEquals(NumberParser.OK, parser.status(), s);
                assertEquals((int) v, iv, s);
            } else {
                assertEquals(NumberParser.OUT_OF_RANGE, parser.status(), s);
            }
        }
        assertLong("9223372036854775807", Long.MAX_VALUE, NumberParser.OK);
        assertLong("-9223372036854775808", Long.MIN_VALUE, NumberParser.OK);
        assertLong("9223372036854775808", 0, NumberParser.OUT_OF_RANGE);
        assertLong("-9223372036854775809", 0, NumberParser.OUT_OF_RANGE);
        assertLong("99999999999999999999999", 0, NumberParser.OUT_OF_RANGE);
        assertLong("99999999999999999999999x", 0, NumberParser.SYNTAX);
        assertLong("0000000000000000000000000000001", 1, NumberParser.OK);
        assertLong("-0", 0, NumberParser.OK);
        for (String bad : List.of("", "+", "-", "1.0", "1e3", " 1", "1 ", "0x10", "1_000", "--1", "١")) {
            byte[] b = bad.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            parser.parseLong(b, 0, b.length);
            assertEquals(NumberParser.SYNTAX, parser.status(), "long '" + bad + "'");
            parser.parseInt(b, 0, b.length);
            assertEquals(NumberParser.SYNTAX, parser.status(), "int '" + bad + "'");
        }
        assertEquals(Integer.MAX_VALUE, parser.parseInt(ascii("2147483647"), 0, 10));
        assertEquals(Integer.MIN_VALUE, parser.parseInt(ascii("-2147483648"), 0, 11));
        parser.parseInt(ascii("2147483648"), 0, 10);
        assertEquals(NumberParser.OUT_OF_RANGE, parser.status());
    }

    private void assertLong(String s, long expected, int status) {
        assertEquals(expected, parser.parseLong(ascii(s), 0, s.length()), s);
        assertEquals(status, parser.status(), s);
    }

    @Test
    void commonPathsDoNotAllocate() {
        String[] inputs = {"1", "0", "-0.5", "0.1234567", "1.234567e-05", "-3.4028235e38", "6.02214076e23",
            "123456789012345678", "1e-320", "nan", "-Infinity", "1e400", "12", "-987654321"};
        byte[][] bytes = new byte[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            bytes[i] = ascii(inputs[i]);
        }
        double sink = 0;
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long before = AllocationMeter.allocatedBytes();
            for (int i = 0; i < 20_000; i++) {
                byte[] b = bytes[i % bytes.length];
                sink += parser.parseDouble(b, 0, b.length);
                sink += parser.parseFloat(b, 0, b.length);
                sink += parser.parseLong(b, 0, b.length);
                sink += parser.parseInt(b, 0, b.length);
            }
            long allocated = AllocationMeter.allocatedBytes() - before;
            if (round >= 2) {
                fewest = Math.min(fewest, allocated);
            }
        }
        // JIT compilation can allocate on this thread in a round or two; an allocation per call could not hide
        // in every round.
        assertEquals(0, fewest, "bytes allocated by 80,000 parses in the quietest round (sink " + sink + ")");
    }
}

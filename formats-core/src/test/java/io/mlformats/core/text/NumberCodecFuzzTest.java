package io.mlformats.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer targets for the number codec: run over their seed inputs in every build, and fuzzed with
 * {@code JAZZER_FUZZ=1}.
 */
class NumberCodecFuzzTest {
    private final NumberParser parser = new NumberParser();

    /**
     * Arbitrary bytes never make the parsers throw; SYNTAX exactly when the documented grammar (as a regex)
     * rejects; otherwise the value is the JDK's (or the NaN/infinity spelled) with the matching status.
     */
    @FuzzTest
    void parsersFollowTheGrammarAndAgreeWithTheJdk(byte[] data) {
        String s = new String(data, StandardCharsets.ISO_8859_1);
        double d = parser.parseDouble(data, 0, data.length);
        int doubleStatus = parser.status();
        float f = parser.parseFloat(data, 0, data.length);
        int floatStatus = parser.status();
        if (CodecCases.FINITE.matcher(s).matches()) {
            double jd = Double.parseDouble(s);
            assertEquals(Double.doubleToRawLongBits(jd), Double.doubleToRawLongBits(d), s);
            assertEquals(Double.isInfinite(jd) ? NumberParser.OUT_OF_RANGE : NumberParser.OK, doubleStatus, s);
            float jf = Float.parseFloat(s);
            assertEquals(Float.floatToRawIntBits(jf), Float.floatToRawIntBits(f), s);
            assertEquals(Float.isInfinite(jf) ? NumberParser.OUT_OF_RANGE : NumberParser.OK, floatStatus, s);
        } else if (CodecCases.NON_FINITE.matcher(s).matches()) {
            assertEquals(NumberParser.NON_FINITE, doubleStatus, s);
            assertEquals(NumberParser.NON_FINITE, floatStatus, s);
            boolean nan = s.toLowerCase(java.util.Locale.ROOT).contains("nan");
            double expected = nan ? Double.NaN : s.startsWith("-") ? Double.NEGATIVE_INFINITY
                    : Double.POSITIVE_INFINITY;
            assertEquals(expected, d, s);
            assertEquals((float) expected, f, s);
        } else {
            assertEquals(NumberParser.SYNTAX, doubleStatus, s);
            assertEquals(NumberParser.SYNTAX, floatStatus, s);
        }
        // The same bytes inside a larger array, followed by digits that would continue a number: the
        // word-at-a-time paths run there (they need spare bytes) and must give the same bits and status.
        byte[] padded = new byte[data.length + 24];
        java.util.Arrays.fill(padded, (byte) '7');
        System.arraycopy(data, 0, padded, 3, data.length);
        assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(parser.parseDouble(padded, 3,
                data.length)), s);
        assertEquals(doubleStatus, parser.status(), s);
        assertEquals(Float.floatToRawIntBits(f), Float.floatToRawIntBits(parser.parseFloat(padded, 3, data.length)),
                s);
        assertEquals(floatStatus, parser.status(), s);
        long l = parser.parseLong(data, 0, data.length);
        int longStatus = parser.status();
        if (s.matches("[+-]?[0-9]+")) {
            try {
                long expected = Long.parseLong(s);
                assertEquals(NumberParser.OK, longStatus, s);
                assertEquals(expected, l, s);
            } catch (NumberFormatException tooBig) {
                assertEquals(NumberParser.OUT_OF_RANGE, longStatus, s);
            }
        } else {
            assertEquals(NumberParser.SYNTAX, longStatus, s);
        }
    }

    /** Any float and double is written in the shortest layout and read back to the same bits. */
    @FuzzTest
    void formattedValuesReadBackExactly(FuzzedDataProvider in) {
        byte[] buf = new byte[NumberFormatter.MAX_DOUBLE_BYTES + 4];
        float f = Float.intBitsToFloat(in.consumeInt());
        int end = NumberFormatter.writeFloat(f, buf, 2);
        float fBack = parser.parseFloat(buf, 2, end - 2);
        assertEquals(Float.isNaN(f) ? Float.floatToIntBits(f) : Float.floatToRawIntBits(f),
                Float.floatToRawIntBits(fBack), () -> "float " + f);
        double d = Double.longBitsToDouble(in.consumeLong());
        end = NumberFormatter.writeDouble(d, buf, 2);
        double dBack = parser.parseDouble(buf, 2, end - 2);
        assertEquals(Double.isNaN(d) ? Double.doubleToLongBits(d) : Double.doubleToRawLongBits(d),
                Double.doubleToRawLongBits(dBack), () -> "double " + d);
    }
}

package io.mlformats.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.testkit.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The prefix entry points parse exactly what the whole-range ones parse, and stop where the number stops. */
class NumberParserPrefixTest {

    private static final String[] TAILS = {"", " 3:4", "\t#c", "#", "x", ":", ".", "e", "5"};
    private static final String[] PADDINGS = {"", "12345678901234567890", ".5e5.5e5.5e5.5e5.5e5", "                    "};

    @Test
    void prefixParsingMatchesWholeRangeParsing() {
        long base = Seeds.base();
        NumberParser whole = new NumberParser();
        NumberParser prefix = new NumberParser();
        for (int c = 0; c < 200_000; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            String number = randomNumberText(r);
            String tail = TAILS[r.nextInt(TAILS.length)];
            // Padding past the limit: the word-at-a-time path reads it but must never let it count.
            String padding = PADDINGS[r.nextInt(PADDINGS.length)];
            byte[] b = ("  " + number + tail + padding).getBytes(StandardCharsets.US_ASCII);
            int limit = b.length - padding.length();
            int from = 2;
            int numberEnd = from + number.length();

            float f = prefix.parseFloatPrefix(b, from, limit);
            int st = prefix.status();
            int end = prefix.parsedEnd();
            // parsedEnd() is meaningful only when the status is not SYNTAX.
            boolean delimited = st != NumberParser.SYNTAX
                    && (end == limit || b[end] == ' ' || b[end] == '\t' || b[end] == '#');
            assertTrue(st == NumberParser.SYNTAX || end <= limit, "parsedEnd past the limit");
            // What a tokenizer would have handed to the whole-range parser: up to the first delimiter.
            int tokenEnd = from;
            while (tokenEnd < limit && b[tokenEnd] != ' ' && b[tokenEnd] != '\t' && b[tokenEnd] != '#') {
                tokenEnd++;
            }
            float g = whole.parseFloat(b, from, tokenEnd - from);
            String what = Seeds.describe(base, c) + ": '" + number + tail + "'";
            if (st != NumberParser.SYNTAX && delimited) {
                assertEquals(whole.status(), st, what);
                assertEquals(Float.floatToIntBits(g), Float.floatToIntBits(f), what);
                assertEquals(tokenEnd, end, what);
            } else {
                assertEquals(NumberParser.SYNTAX, whole.status(), what + " must be rejected as a token");
            }
            double d = prefix.parseDoublePrefix(b, from, limit);
            if (prefix.status() != NumberParser.SYNTAX && delimited) {
                assertEquals(Double.doubleToLongBits(whole.parseDouble(b, from, tokenEnd - from)),
                        Double.doubleToLongBits(d), what);
            }
            assertTrue(numberEnd >= from);
        }
    }

    @Test
    void digitRunsParseExactlyUpTo18DigitsAndStopAtTheLimit() {
        long base = Seeds.base();
        NumberParser p = new NumberParser();
        for (int c = 0; c < 100_000; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            StringBuilder digits = new StringBuilder();
            int n = r.nextInt(0, 22);
            for (int k = 0; k < n; k++) {
                digits.append((char) ('0' + r.nextInt(10)));
            }
            String tail = TAILS[r.nextInt(TAILS.length)];
            String padding = PADDINGS[r.nextInt(PADDINGS.length)];
            byte[] b = ("q" + digits + tail + padding).getBytes(StandardCharsets.US_ASCII);
            int limit = b.length - padding.length();
            long v = p.parseDigitsPrefix(b, 1, limit);
            int end = 1;
            while (end < limit && b[end] >= '0' && b[end] <= '9') {
                end++;
            }
            String what = Seeds.describe(base, c) + ": '" + digits + tail + "'";
            assertEquals(end, p.parsedEnd(), what);
            if (end - 1 <= 18) {
                assertEquals(end == 1 ? 0 : Long.parseLong(new String(b, 1, end - 1, StandardCharsets.US_ASCII)),
                        v, what);
            }
        }
    }

    @Test
    void examples() {
        NumberParser p = new NumberParser();
        byte[] b = "0.1106443 12:-2.5e-3#x nan inf1 1e 7".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0.1106443f, p.parseFloatPrefix(b, 0, b.length));
        assertEquals(9, p.parsedEnd());
        assertEquals(-2.5e-3f, p.parseFloatPrefix(b, 13, b.length));
        assertEquals(20, p.parsedEnd());
        assertTrue(Float.isNaN(p.parseFloatPrefix(b, 23, b.length)));
        assertEquals(NumberParser.NON_FINITE, p.status());
        assertEquals(26, p.parsedEnd());
        p.parseFloatPrefix(b, 27, b.length);
        assertEquals(NumberParser.NON_FINITE, p.status(), "inf then '1': the caller sees no delimiter");
        assertEquals(30, p.parsedEnd());
        p.parseFloatPrefix(b, 32, b.length);
        assertEquals(NumberParser.SYNTAX, p.status(), "an exponent without digits");
    }

    private static String randomNumberText(SplittableRandom r) {
        switch (r.nextInt(5)) {
            case 0:
                return NumberFormatter.toString(Float.intBitsToFloat(r.nextInt()));
            case 1:
                return String.format("%.7g", r.nextGaussian() * Math.pow(10, r.nextInt(-8, 8)));
            case 2:
                return r.nextBoolean() ? Integer.toString(r.nextInt(-1000, 1000))
                        : Integer.toString(r.nextInt(-99_999_999, 99_999_999)) + "." + r.nextLong(1_000_000_000L);
            case 3:
                return (r.nextBoolean() ? "-" : "") + r.nextInt(100) + "." + r.nextInt(1000) + "e"
                        + (r.nextBoolean() ? "+" : "-") + r.nextInt(50);
            default:
                String[] odd = {"1.", ".5", "-.5e3", "nan", "-Infinity", "inf", "1e", ".", "-", "+", "0x10", "1_0",
                    "1,5", "12345678901234567890123", "1e999", "-0"};
                return odd[r.nextInt(odd.length)];
        }
    }
}

package io.mlformats.deepar;

import io.mlformats.core.ByteSources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.mlformats.core.FormatException;
import io.mlformats.testkit.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The optimistic scanner against Jackson as the oracle: for generated DeepAR lines in many spellings, and for
 * mutations of them, reading with the fast path enabled gives exactly what the Jackson-only path gives (the same
 * series bit for bit, or the same error at the same position). Every parsed number equals
 * {@link Float#parseFloat} of its text.
 */
class FastPathOracleTest {
    private static final int CASES = 4000;

    static String number(SplittableRandom r, List<String> texts) {
        String s = switch (r.nextInt(12)) {
            case 0 -> Integer.toString(r.nextInt(-100000, 100000));
            case 1 -> String.format(java.util.Locale.ROOT, "%.4f", r.nextDouble(-2000, 2000));
            case 2 -> "-0";
            case 3 -> "0." + "0".repeat(r.nextInt(12)) + r.nextInt(1, 99999);
            case 4 -> r.nextInt(1, 9) + "." + r.nextInt(100) + (r.nextBoolean() ? "e" : "E")
                    + (r.nextBoolean() ? "-" : r.nextBoolean() ? "+" : "") + r.nextInt(50);
            case 5 -> Long.toString(r.nextLong());
            case 6 -> "123456789012345678901234567890.5";
            case 7 -> Float.toString(Float.intBitsToFloat(r.nextInt(0x7f7fffff)));
            case 8 -> Double.toString(r.nextDouble());
            case 9 -> "16777217";
            case 10 -> "0.1";
            default -> Integer.toString(r.nextInt(1000)) + "." + Integer.toString(r.nextInt(10000));
        };
        texts.add(s.replace("E", "e").contains("e") || !s.contains(",") ? s : s);
        return s;
    }

    static String ws(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> "";
            case 1 -> "  ";
            case 2 -> "\t";
            case 3 -> " \r ";
            default -> " ";
        };
    }

    static String line(SplittableRandom r, List<String> texts) {
        StringBuilder sb = new StringBuilder("{").append(ws(r));
        List<String> fields = new ArrayList<>();
        int n = 1 + r.nextInt(8);
        StringBuilder target = new StringBuilder("[").append(ws(r));
        for (int i = 0; i < n; i++) {
            target.append(i > 0 ? "," + ws(r) : "");
            int k = r.nextInt(10);
            target.append(k == 0 ? "null" : k == 1 ? "\"NaN\"" : number(r, texts));
        }
        target.append(ws(r)).append(']');
        fields.add("\"target\":" + ws(r) + target);
        fields.add("\"start\":" + ws(r) + (r.nextInt(10) == 0 ? "\"2020-01-01T00:00:00\"" : "\"2021-03-04 05:06:07\""));
        if (r.nextBoolean()) {
            fields.add("\"cat\": [" + r.nextInt(5) + (r.nextBoolean() ? ", " + r.nextInt(100000) : "") + "]");
        }
        if (r.nextBoolean()) {
            StringBuilder d = new StringBuilder("[");
            int rows = r.nextInt(3);
            for (int k = 0; k < rows; k++) {
                d.append(k > 0 ? ", [" : "[");
                for (int i = 0; i < n; i++) {
                    d.append(i > 0 ? ", " : "").append(number(r, new ArrayList<>()));
                }
                d.append(']');
            }
            fields.add("\"dynamic_feat\": " + d.append(']'));
        }
        java.util.Collections.shuffle(fields, new java.util.Random(r.nextLong()));
        sb.append(String.join("," + ws(r), fields)).append(ws(r)).append('}').append(ws(r));
        return sb.toString();
    }

    record Outcome(DeepArSeries series, String error, long offset) {
    }

    static Outcome read(byte[] line, boolean jacksonOnly) throws IOException {
        byte[] withNl = java.util.Arrays.copyOf(line, line.length + 1);
        withNl[line.length] = '\n';
        DeepArReadOptions o = DeepArReadOptions.training().withMode(io.mlformats.core.ReadMode.LENIENT)
                .withDynamicFeatLength(DynamicFeatLength.TARGET, 0).withKeepExtraFields(jacksonOnly);
        try (DeepArReader r = DeepArReader.open(ByteSources.of(withNl, "l").input(), o)) {
            if (!r.next()) {
                return new Outcome(null, "blank", -1);
            }
            DeepArSeries s = r.current().copy();
            return new Outcome(s.withExtraFields(null), null, -1);
        } catch (FormatException e) {
            return new Outcome(null, e.detail(), e.position().byteOffset());
        }
    }

    @Test
    void fastPathAgreesWithJackson() throws IOException {
        long base = Seeds.base();
        int fastAccepted = 0;
        for (int c = 0; c < CASES; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            List<String> texts = new ArrayList<>();
            byte[] line = line(r, texts).getBytes(StandardCharsets.UTF_8);
            if (r.nextInt(3) == 0) {
                line = io.mlformats.jsonlines.Generators.mutate(r, line);
            }
            Outcome fast = read(line, false);
            Outcome jackson = read(line, true);
            assertEquals(jackson, fast, Seeds.describe(base, c) + ": " + new String(line, StandardCharsets.UTF_8));
            if (fast.series() != null) {
                fastAccepted++;
            }
        }
        if (fastAccepted < CASES / 3) {
            fail("too few valid lines: " + fastAccepted);
        }
    }

    @Test
    void numbersJsonRejectsAreNotAcceptedByTheFastPath() throws IOException {
        // Spellings the number parser accepts (or nearly does) but JSON does not, and their valid neighbours.
        String[] spellings = {"1.", "1.e5", "01", "-01", "00.5", "+1", ".5", "-.5", "-", "1e", "1e+", "nan", "NaN",
            "Infinity", "-Infinity", "inf", "1.5e39", "0x10", "1_0", "1.5.3", "1,5", "0", "-0", "-0.0", "0e5",
            "0.5", "1E+05", "12345678.5", "1234567.12345678", "0.000000001", "9.999999e-39", "1.0e-46"};
        for (String n : spellings) {
            for (String tail : new String[] {"", ", 2.5", " ,0.125,   7"}) {
                byte[] line = ("{\"start\": \"2020-01-01\", \"target\": [" + n + tail + "]}")
                        .getBytes(StandardCharsets.UTF_8);
                assertEquals(read(line, true), read(line, false), n + tail);
            }
        }
    }

    @Test
    void numbersAreCorrectlyRounded() throws IOException {
        long base = Seeds.base();
        for (int c = 0; c < CASES; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            List<String> texts = new ArrayList<>();
            StringBuilder sb = new StringBuilder("{\"start\": \"2020-01-01\", \"target\": [");
            for (int i = 0; i < 20; i++) {
                sb.append(i > 0 ? ", " : "").append(number(r, texts));
            }
            sb.append("]}\n");
            try (DeepArReader rd = DeepArReader.open(ByteSources.of(sb.toString().getBytes(StandardCharsets.UTF_8), "n").input(), DeepArReadOptions.training())) {
                rd.next();
                float[] t = rd.current().targetArray();
                for (int i = 0; i < texts.size(); i++) {
                    float want = Float.parseFloat(texts.get(i));
                    assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(t[i]),
                            Seeds.describe(base, c) + ": " + texts.get(i));
                }
            } catch (FormatException e) {
                // a literal beyond float range: the Jackson path reports it; Float.parseFloat gives Infinity
                boolean overflow = texts.stream().anyMatch(s -> Float.isInfinite(Float.parseFloat(s)));
                assertEquals(true, overflow, e.getMessage());
            }
        }
    }
}

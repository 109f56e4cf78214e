package io.mlformats.deepar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadOptions;
import io.mlformats.jsonlines.Generators;
import io.mlformats.jsonlines.internal.LineRecordLoop;
import io.mlformats.testkit.Golden;
import io.mlformats.testkit.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link DeepArForecastReader}'s reused {@link DeepArForecastView}: its accessors against {@code copy()} and the
 * golden response's sidecar, and the allocation-free scanner against the Jackson path as the oracle (the same
 * forecast bit for bit, or the same error at the same position).
 */
class DeepArForecastViewTest {
    private static final int CASES = 3000;

    @Test
    void goldenPredictionsReadAsLines() throws IOException {
        JsonNode side = Golden.json("jsonlines/deepar/deepar_inference_response.json.expected.json").get("expected");
        List<DeepArForecast> expected = DeepArInference.readResponse(
                Golden.bytes("jsonlines/deepar/deepar_inference_response.json"), "resp");
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (DeepArForecast f : expected) {
            DeepArInference.writeForecastLine(f, lines);
        }
        int pl = side.get("prediction_length").intValue();
        try (DeepArForecastReader r = DeepArForecastReader.open(ByteSources.of(lines.toByteArray(), "out").input(),
                DeepArForecastReadOptions.defaults())) {
            assertTrue(r.next());
            DeepArForecastView v = r.current();
            assertTrue(v.hasMean());
            assertEquals(pl, v.meanLength());
            assertArrayEquals(new double[] {4.01, 4.12, 4.23}, Arrays.copyOf(v.meanArray(), v.meanLength()));
            assertEquals(side.get("quantile_keys").size(), v.quantileCount());
            for (int i = 0; i < v.quantileCount(); i++) {
                assertEquals(side.get("quantile_keys").get(i).asString(), v.quantileLevel(i));
                assertEquals(pl, v.quantileLength(i));
            }
            int q9 = v.quantileIndex("0.9");
            assertArrayEquals(new double[] {5.1, 6.2, 7.3}, Arrays.copyOf(v.quantileArray(q9), pl));
            assertArrayEquals(new double[] {4.0, 4.1, 4.2},
                    Arrays.copyOf(v.quantileArray(v.quantileIndex("0.5")), pl));
            assertEquals(-1, v.quantileIndex("0.1"));
            assertTrue(v.hasSamples());
            assertEquals(2, v.sampleCount());
            assertArrayEquals(new double[] {3.9, 4.0, 4.3}, Arrays.copyOf(v.sampleArray(1), v.sampleLength(1)));
            assertThrows(IndexOutOfBoundsException.class, () -> v.sampleArray(2));
            assertThrows(IndexOutOfBoundsException.class, () -> v.quantileLevel(2));
            assertEquals(expected.get(0), v.copy());
            List<DeepArForecast> all = new ArrayList<>(List.of(v.copy()));
            while (r.next()) {
                assertSame(v, r.current(), "one view for every line");
                all.add(r.current().copy());
            }
            assertEquals(expected, all);
            assertEquals(side.get("predictions").intValue(), all.size());
        }
    }

    @Test
    void absentFieldsAndAJacksonLineBetweenScannedOnes() throws IOException {
        byte[] data = ("{\"mean\": [1.5, -0, 2e3]}\n"
                + "{\"quantiles\": {\"0.1\": [1], \"0\\u002e9\": [2]}, \"extra\": {\"a\": [1, 2]}}\n"
                + "{}\n"
                + "{\"samples\": [[0.25], [], [1e-320]], \"quantiles\": {}}\n").getBytes(StandardCharsets.UTF_8);
        try (DeepArForecastReader r = DeepArForecastReader.open(ByteSources.of(data, "f").input(),
                DeepArForecastReadOptions.defaults())) {
            assertTrue(r.next());
            DeepArForecastView v = r.current();
            assertEquals(3, v.meanLength());
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(v.meanArray()[1]));
            assertEquals(2000.0, v.meanArray()[2]);
            assertEquals(0, v.quantileCount());
            assertFalse(v.hasSamples());
            assertNull(v.copy().samples());
            assertTrue(r.next()); // escaped key and an extra field: the Jackson path, the same view
            assertFalse(v.hasMean());
            assertEquals(0, v.meanLength());
            assertEquals(List.of("0.1", "0.9"), List.of(v.quantileLevel(0), v.quantileLevel(1)));
            assertEquals(2.0, v.quantileArray(1)[0]);
            assertTrue(r.next());
            assertEquals(new DeepArForecast(null, null, null), v.copy());
            assertTrue(r.next());
            assertEquals(3, v.sampleCount());
            assertEquals(0, v.sampleLength(1));
            assertEquals(1e-320, v.sampleArray(2)[0]);
            assertEquals(0, v.quantileCount());
            assertFalse(r.next());
            assertEquals(4, r.stats().records());
        }
    }

    static String line(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("{");
        List<String> fields = new ArrayList<>();
        if (r.nextInt(4) != 0) {
            fields.add("\"mean\": " + array(r));
        }
        if (r.nextInt(3) != 0) {
            StringBuilder q = new StringBuilder("\"quantiles\": {");
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                String level = r.nextInt(8) == 0 ? "0.5" : "0." + (i + 1);
                q.append(i > 0 ? ", " : "").append('"').append(level).append("\": ").append(array(r));
            }
            fields.add(q.append('}').toString());
        }
        if (r.nextInt(3) == 0) {
            StringBuilder s = new StringBuilder("\"samples\": [");
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                s.append(i > 0 ? " ,  " : "").append(array(r));
            }
            fields.add(s.append(']').toString());
        }
        if (r.nextInt(10) == 0) {
            fields.add("\"other\": [1, {\"x\": null}]");
        }
        if (r.nextInt(15) == 0) {
            fields.add(fields.isEmpty() ? "\"mean\": []" : fields.get(0)); // a duplicate field
        }
        java.util.Collections.shuffle(fields, new java.util.Random(r.nextLong()));
        sb.append(String.join(r.nextBoolean() ? ", " : ",", fields));
        return sb.append(r.nextInt(8) == 0 ? " } " : "}").toString();
    }

    private static String array(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("[");
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append(switch (r.nextInt(8)) {
                case 0 -> Double.toString(r.nextDouble(-1e6, 1e6));
                case 1 -> Integer.toString(r.nextInt());
                case 2 -> "1e" + r.nextInt(-330, 330);
                case 3 -> "-0";
                case 4 -> String.format(java.util.Locale.ROOT, "%.10f", r.nextDouble(0, 100));
                case 5 -> r.nextInt(20) == 0 ? "null" : "0.5";
                case 6 -> "123456789012345678901234567890.123";
                default -> Long.toString(r.nextLong());
            });
        }
        return sb.append(']').toString();
    }

    record Outcome(DeepArForecast forecast, String error, long offset) {
    }

    static Outcome read(byte[] line, boolean jacksonOnly) throws IOException {
        byte[] withNl = Arrays.copyOf(line, line.length + 1);
        withNl[line.length] = '\n';
        try {
            if (jacksonOnly) {
                List<DeepArForecast> all = LineRecordLoop.readAll(ByteSources.of(withNl, "l").input(),
                        ReadOptions.defaults(), DeepArInference::readForecast);
                return all.isEmpty() ? new Outcome(null, "blank", -1) : new Outcome(all.get(0), null, -1);
            }
            try (DeepArForecastReader r = DeepArForecastReader.open(ByteSources.of(withNl, "l").input(),
                    DeepArForecastReadOptions.defaults())) {
                if (!r.next()) {
                    return new Outcome(null, "blank", -1);
                }
                DeepArForecastView v = r.current();
                DeepArForecast f = v.copy();
                assertViewMatchesCopy(v, f);
                return new Outcome(f, null, -1);
            }
        } catch (FormatException e) {
            return new Outcome(null, e.detail(), e.position().byteOffset());
        }
    }

    private static void assertViewMatchesCopy(DeepArForecastView v, DeepArForecast f) {
        assertEquals(f.mean() != null, v.hasMean());
        if (f.mean() != null) {
            assertArrayEquals(f.mean(), Arrays.copyOf(v.meanArray(), v.meanLength()));
        }
        assertEquals(new ArrayList<>(f.quantiles().keySet()), levels(v));
        for (int i = 0; i < v.quantileCount(); i++) {
            assertArrayEquals(f.quantiles().get(v.quantileLevel(i)), Arrays.copyOf(v.quantileArray(i),
                    v.quantileLength(i)));
        }
        assertEquals(f.samples() != null, v.hasSamples());
        for (int i = 0; i < v.sampleCount(); i++) {
            assertArrayEquals(f.samples()[i], Arrays.copyOf(v.sampleArray(i), v.sampleLength(i)));
        }
    }

    private static List<String> levels(DeepArForecastView v) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.quantileCount(); i++) {
            out.add(v.quantileLevel(i));
        }
        return out;
    }

    @Test
    void scannerAgreesWithJackson() throws IOException {
        long base = Seeds.base();
        int accepted = 0;
        for (int c = 0; c < CASES; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            byte[] line = line(r).getBytes(StandardCharsets.UTF_8);
            if (r.nextInt(3) == 0) {
                line = Generators.mutate(r, line);
            }
            Outcome fast = read(line, false);
            Outcome jackson = read(line, true);
            assertEquals(jackson, fast, Seeds.describe(base, c) + ": " + new String(line, StandardCharsets.UTF_8));
            if (fast.forecast() != null) {
                accepted++;
            }
        }
        if (accepted < CASES / 3) {
            fail("too few valid lines: " + accepted);
        }
    }
}

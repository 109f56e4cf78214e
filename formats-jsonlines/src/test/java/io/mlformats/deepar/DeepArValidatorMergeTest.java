package io.mlformats.deepar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSources;
import io.mlformats.core.validate.ValidationProblem;
import io.mlformats.core.validate.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Validating parts separately and merging gives the report of validating the whole. */
class DeepArValidatorMergeTest {
    private static final String[] LINES = {
        "{\"start\": \"2024-01-01 00:00:00\", \"target\": [1, 2, 3], \"cat\": [0, 1]}",
        "{\"start\": \"2024-01-01 00:00:00\", \"target\": [0, 0, 0], \"cat\": [3, 1]}",
        "{\"start\": \"2024-01-01 00:30:00\", \"target\": [4, 5], \"cat\": [0, 0]}",
        "{\"start\": \"2024-01-01 00:00:00\", \"target\": [], \"cat\": [0, 0]}",
        "{\"start\": \"2024-01-01 00:00:00\", \"target\": [0, \"NaN\"], \"cat\": [5, 2]}",
    };

    private static DeepArValidatorOptions options() {
        return DeepArValidatorOptions.training(4).withMinObservations(100).withTimeFreq("H");
    }

    private static void add(DeepArValidator v, int from, int to) throws IOException {
        add(v, LINES, from, to);
    }

    private static void add(DeepArValidator v, String[] lines, int from, int to) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(lines[i]).append('\n');
        }
        v.add(ByteSources.of(sb.toString().getBytes(StandardCharsets.UTF_8), "part").input());
    }

    private static Map<String, Integer> codes(ValidationReport r) {
        Map<String, Integer> m = new TreeMap<>();
        for (ValidationProblem p : r.problems()) {
            m.merge(p.code() + "/" + p.severity(), 1, Integer::sum);
        }
        return m;
    }

    @Test
    void twoHalvesMergedEqualTheWhole() throws IOException {
        DeepArValidator whole = new DeepArValidator(options());
        add(whole, 0, LINES.length);
        ValidationReport expected = whole.finish();

        for (int cut = 1; cut < LINES.length; cut++) {
            DeepArValidator a = new DeepArValidator(options());
            DeepArValidator b = new DeepArValidator(options());
            add(a, 0, cut);
            add(b, cut, LINES.length);
            a.merge(b);
            ValidationReport got = a.finish();
            assertEquals(expected.records(), got.records(), "cut " + cut);
            assertEquals(expected.errorCount(), got.errorCount(), "cut " + cut + ": " + got);
            assertEquals(expected.warningCount(), got.warningCount(), "cut " + cut + ": " + got);
            assertEquals(codes(expected), codes(got), "cut " + cut);
        }
        assertEquals(5, expected.records());
        Map<String, Integer> c = codes(expected);
        assertEquals(1, c.get("CAT_DOMAIN_INCOMPLETE/ERROR"), c.toString());
        assertEquals(1, c.get("EMPTY_TARGET/ERROR"), c.toString());
        assertEquals(1, c.get("TOO_FEW_OBSERVATIONS/ERROR"));
        assertTrue(c.containsKey("ALL_ZERO_TARGET/WARNING"), c.toString());
        assertTrue(c.containsKey("START_NOT_ALIGNED_TO_FREQ/WARNING"), c.toString());
    }

    @Test
    void aPartWhoseShapeDiffersIsReportedAtItsFirstSeries() throws IOException {
        String[] lines = {
            "{\"start\": \"2024-01-01 00:00:00\", \"target\": [1, 2, 3, 4], \"cat\": [0, 1]}",
            "{\"start\": \"2024-01-01 00:00:00\", \"target\": [1, 2, 3, 4], \"cat\": [1, 0]}",
            "{\"start\": \"2024-01-01 00:00:00\", \"target\": [7, 8, 9, 1], \"cat\": [0]}",
        };
        DeepArValidator whole = new DeepArValidator(options());
        add(whole, lines, 0, 3);
        DeepArValidator a = new DeepArValidator(options());
        DeepArValidator b = new DeepArValidator(options());
        add(a, lines, 0, 2);
        add(b, lines, 2, 3);
        a.merge(b);
        ValidationReport got = a.finish();
        ValidationReport expected = whole.finish();
        assertEquals(1, got.withCode("CAT_COUNT_MISMATCH").size());
        assertEquals(codes(expected), codes(got));
        assertEquals(1, got.withCode("CAT_COUNT_MISMATCH").get(0).position().line());
    }

    @Test
    void ownedSeriesFromAnotherSourceGetTheSameReport() throws IOException {
        DeepArValidator json = new DeepArValidator(options());
        add(json, 0, LINES.length);
        ValidationReport expected = json.finish();
        // the same series as values, as a Parquet reader would hand them over (start parsed by the DeepAR rule)
        List<DeepArSeries> values = List.of(
                new DeepArSeries(DeepArSeries.parseStart("2024-01-01 00:00:00"), new float[] {1, 2, 3}, new int[] {0, 1},
                        null, null),
                new DeepArSeries(DeepArSeries.parseStart("2024-01-01 00:00:00"), new float[] {0, 0, 0}, new int[] {3, 1},
                        null, null),
                new DeepArSeries(DeepArSeries.parseStart("2024-01-01 00:30:00"), new float[] {4, 5}, new int[] {0, 0},
                        null, null),
                new DeepArSeries(DeepArSeries.parseStart("2024-01-01"), new float[0], new int[] {0, 0}, null, null),
                new DeepArSeries(DeepArSeries.parseStart("2024-01-01 00:00:00"), new float[] {0, Float.NaN},
                        new int[] {5, 2}, null, null));
        DeepArValidator owned = new DeepArValidator(options());
        for (int i = 0; i < values.size(); i++) {
            owned.check(values.get(i), io.mlformats.core.SourcePosition.ofRecord("table", 0, i));
        }
        ValidationReport got = owned.finish();
        assertEquals(expected.records(), got.records());
        assertEquals(codes(expected), codes(got));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> DeepArSeries.parseStart("2024-13-01"));
        assertTrue(bad.getMessage().startsWith("START_FORMAT:"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeepArSeries.parseStart("2024-01-01 00:00:00+01:00"));
    }

    @Test
    void mergeRefusesOtherOptionsAndFinishedValidators() {
        DeepArValidator a = new DeepArValidator(options());
        assertThrows(IllegalArgumentException.class,
                () -> a.merge(new DeepArValidator(DeepArValidatorOptions.training(9))));
        DeepArValidator done = new DeepArValidator(options());
        done.finish();
        assertThrows(IllegalStateException.class, () -> a.merge(done));
        assertThrows(IllegalStateException.class, () -> done.check(null, null));
        assertEquals("deepar", a.algorithm());
    }

    static List<String> lines() {
        return List.of(LINES);
    }
}

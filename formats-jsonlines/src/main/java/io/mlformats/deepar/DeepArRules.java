package io.mlformats.deepar;

import io.mlformats.deepar.internal.StartParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/**
 * The per-series DeepAR rules, written once: the writer refuses what they reject, the validator reports it for
 * series from any source ({@link DeepArRecord}), and the decoder words its start errors with
 * {@link #startProblem}. Stateless.
 */
final class DeepArRules {
    private DeepArRules() {
    }

    /** The message for a start that {@link StartParser} rejected with {@code status}, or null if it is fine. */
    static String startProblem(int status, String text, StartParser parser) {
        if (status == StartParser.TIMEZONE) {
            return DeepArProblem.START_HAS_TIMEZONE + ": start \"" + text
                    + "\" has a time zone; DeepAR start timestamps can't contain time zone information (write"
                    + " local time as YYYY-MM-DD HH:MM:SS)";
        }
        if (status == StartParser.FORMAT) {
            return DeepArProblem.START_FORMAT + ": start \"" + text + "\": " + parser.problem;
        }
        return null;
    }

    /** Parses a start strictly; see {@link DeepArSeries#parseStart}. */
    static LocalDateTime parseStart(String text) {
        StartParser p = new StartParser();
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        String problem = startProblem(p.parse(b, 0, b.length, false), text, p);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return LocalDateTime.of(p.year, p.month, p.day, p.hour, p.minute, p.second);
    }

    /**
     * The first rule {@code s} breaks, as {@code "CODE: message"}, or null: start writable as
     * {@code YYYY-MM-DD HH:MM:SS}, a non-empty finite target, non-negative cat, dynamic_feat rows of one length
     * ({@code expectedRowLength} when {@code >= 0}) without missing or infinite values.
     */
    static String problem(DeepArRecord s, int expectedRowLength) {
        LocalDateTime start = s.start();
        if (start == null) {
            return DeepArProblem.MISSING_START + ": start is required";
        }
        if (start.getNano() != 0 || start.getYear() < 0 || start.getYear() > 9999) {
            return DeepArProblem.START_FORMAT + ": start " + start + " cannot be written as YYYY-MM-DD HH:MM:SS"
                    + " (whole seconds, year 0..9999)";
        }
        int n = s.targetLength();
        if (n <= 0) {
            return DeepArProblem.EMPTY_TARGET + ": target is empty; DeepAR series need at least one value";
        }
        float[] target = s.targetArray();
        for (int i = 0; i < n; i++) {
            if (Float.isInfinite(target[i])) {
                return DeepArProblem.NON_FINITE_VALUE + ": target[" + i + "] is " + target[i]
                        + "; DeepAR values must be finite (NaN marks a missing value)";
            }
        }
        int[] cat = s.catArray();
        for (int i = 0; i < s.catLength(); i++) {
            if (cat[i] < 0) {
                return DeepArProblem.CAT_NEGATIVE + ": cat[" + i + "] is " + cat[i] + "; categories are 0-based";
            }
        }
        int rows = s.dynamicFeatCount();
        for (int r = 0; r < rows; r++) {
            int len = s.dynamicFeatLength(r);
            if (len != s.dynamicFeatLength(0)) {
                return DeepArProblem.DYNAMIC_FEAT_RAGGED + ": dynamic_feat row " + r + " has " + len
                        + " values but row 0 has " + s.dynamicFeatLength(0);
            }
            if (expectedRowLength >= 0 && len != expectedRowLength) {
                return DeepArProblem.DYNAMIC_FEAT_LENGTH + ": dynamic_feat row " + r + " has " + len
                        + " values, expected " + expectedRowLength;
            }
            float[] row = s.dynamicFeatArray(r);
            for (int i = 0; i < len; i++) {
                float f = row[i];
                if (f != f || Float.isInfinite(f)) {
                    return (f != f ? DeepArProblem.DYNAMIC_FEAT_MISSING_VALUE : DeepArProblem.NON_FINITE_VALUE)
                            + ": dynamic_feat[" + r + "][" + i + "] is " + f
                            + "; DeepAR features must be finite and not missing";
                }
            }
        }
        return null;
    }
}

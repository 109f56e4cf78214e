package io.mlformats.core.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Brute-force oracle for "shortest, then closest": with exact BigDecimal arithmetic and the JDK parser, checks
 * that no decimal with fewer significant digits reads back to the value, and that no other decimal with as
 * many digits that reads back is closer to the exact binary value.
 */
final class ShortestCheck {
    private ShortestCheck() {
    }

    /** Null when {@code text} is shortest and closest for {@code v}, else what is wrong. */
    static String checkDouble(double v, String text) {
        return check(new BigDecimal(Math.abs(v)), text, s -> Double.parseDouble(s) == Math.abs(v));
    }

    static String checkFloat(float v, String text) {
        return check(new BigDecimal(Math.abs(v)), text, s -> Float.parseFloat(s) == Math.abs(v));
    }

    private static String check(BigDecimal exact, String text, java.util.function.Predicate<String> readsBack) {
        BigDecimal ours = new BigDecimal(text.startsWith("-") ? text.substring(1) : text).stripTrailingZeros();
        int n = ours.precision();
        if (!readsBack.test(ours.toString())) {
            return text + " does not read back";
        }
        if (n >= 2) {
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal shorter = exact.round(new MathContext(n - 1, mode));
                if (shorter.signum() > 0 && readsBack.test(shorter.toString())) {
                    return text + " is not shortest: " + shorter + " also reads back";
                }
            }
        }
        // Other n-digit candidates: the neighbours of ours at its last digit.
        BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(ours.scale() > 0 ? -ours.scale() : -ours.scale());
        unit = BigDecimal.ONE.movePointLeft(ours.scale());
        BigDecimal distance = ours.subtract(exact).abs();
        for (BigDecimal other : new BigDecimal[] {ours.subtract(unit), ours.add(unit)}) {
            if (other.signum() <= 0 || other.stripTrailingZeros().precision() > n) {
                continue;
            }
            if (readsBack.test(other.toString())) {
                int cmp = other.subtract(exact).abs().compareTo(distance);
                if (cmp < 0) {
                    return text + " is not closest: " + other + " is closer to " + exact;
                }
            }
        }
        return null;
    }
}

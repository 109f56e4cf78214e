package io.mlformats.recordio.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double as Python's {@code repr(float)} / {@code f'{x}'} does (what MXNet's im2rec writes into
 * {@code .lst} files): shortest round-trip digits; fixed notation with at least one decimal ({@code 1.0},
 * {@code 0.25}, {@code 0.0001}) when the decimal exponent is in [-4, 16), else {@code 1e-05} / {@code 1.5e+16};
 * {@code nan}, {@code inf}, {@code -inf}. Stateless; thread-safe. Internal.
 */
public final class PythonFloatText {
    private PythonFloatText() {
    }

    /** {@code v} as Python's {@code repr(float)} writes it ({@code nan}, {@code inf}, shortest round-trip). */
    public static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + "0.0";
        }
        BigDecimal exact = new BigDecimal(v);
        BigDecimal shortest = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == v) {
                shortest = r;
                break;
            }
        }
        String digits = shortest.unscaledValue().abs().toString();
        int trailing = 0;
        while (trailing < digits.length() - 1 && digits.charAt(digits.length() - 1 - trailing) == '0') {
            trailing++;
        }
        digits = digits.substring(0, digits.length() - trailing);
        // value = 0.d1d2...dn x 10^decpt
        int decpt = digits.length() + trailing - shortest.scale();
        StringBuilder sb = new StringBuilder(24);
        if (v < 0) {
            sb.append('-');
        }
        int n = digits.length();
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.");
                for (int i = 0; i < -decpt; i++) {
                    sb.append('0');
                }
                sb.append(digits);
            } else if (decpt >= n) {
                sb.append(digits);
                for (int i = n; i < decpt; i++) {
                    sb.append('0');
                }
                sb.append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, n);
            }
        } else {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            int exp = decpt - 1;
            sb.append(exp < 0 ? "e-" : "e+");
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        }
        return sb.toString();
    }
}

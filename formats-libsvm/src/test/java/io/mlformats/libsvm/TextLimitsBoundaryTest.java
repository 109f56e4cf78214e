package io.mlformats.libsvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSources;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.TabularReader;
import io.mlformats.libsvm.csv.CsvReadOptions;
import io.mlformats.libsvm.csv.CsvReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * LibSVM and CSV limits at limit - 1, limit and limit + 1: features per row ({@code maxArrayElements}) and line
 * length ({@code maxLineBytes}); the value equal to the limit is read, one more is refused at the offending
 * feature or column, or at the start of the too-long line.
 */
class TextLimitsBoundaryTest {
    private static final int LIMIT = 16;

    private interface Opener {
        TabularReader<?> open(byte[] text, ReadLimits limits) throws IOException;
    }

    private static final Opener LIBSVM = (b, l) -> LibSvmReader.open(ByteSources.of(b, "f.libsvm").input(),
            LibSvmReadOptions.defaults().withLimits(l));
    private static final Opener CSV = (b, l) -> CsvReader.open(ByteSources.of(b, "f.csv").input(),
            CsvReadOptions.defaults().withLimits(l));

    @Test
    void maxArrayElementsBoundsFeaturesPerRow() throws IOException {
        ReadLimits limits = ReadLimits.builder().maxArrayElements(LIMIT).build();
        // LibSVM: n index:value pairs; the (LIMIT+1)-th pair is where the error points.
        IntFunction<String> pairs = n -> {
            StringBuilder sb = new StringBuilder("1");
            for (int i = 1; i <= n; i++) {
                sb.append(' ').append(i).append(":1");
            }
            return sb.toString();
        };
        check(LIBSVM, limits, "maxArrayElements", pairs, pairs.apply(LIMIT).length() + 1);
        // CSV: a label and n feature columns, empty ones counted as columns; the (LIMIT+1)-th column is refused.
        IntFunction<String> columns = n -> "1" + ",".repeat(n - 1) + ",2";
        check(CSV, limits, "maxArrayElements", columns, columns.apply(LIMIT).length());
    }

    @Test
    void maxLineBytesBoundsEachLine() throws IOException {
        ReadLimits limits = ReadLimits.builder().maxLineBytes(LIMIT).build();
        check(LIBSVM, limits, "maxLineBytes", n -> "1 1:1" + " ".repeat(n - 5), 0);
        check(CSV, limits, "maxLineBytes", n -> "1," + "0".repeat(n - 2), 0);
    }

    /** One line of size {@code n} then a short one; {@code at}: the error's offset in the line. */
    private static void check(Opener opener, ReadLimits limits, String limitName, IntFunction<String> line, int at)
            throws IOException {
        for (int n : new int[] {LIMIT - 1, LIMIT, LIMIT + 1}) {
            String text = line.apply(n) + "\n";
            try (TabularReader<?> r = opener.open(text.getBytes(StandardCharsets.US_ASCII), limits)) {
                if (n <= LIMIT) {
                    assertTrue(r.next(), text);
                    assertFalse(r.next());
                } else {
                    LimitExceededException e = assertThrows(LimitExceededException.class, r::next, text);
                    assertEquals(limitName, e.limitName());
                    assertEquals(LIMIT, e.limitValue());
                    assertEquals(1, e.position().line());
                    assertEquals(at, e.position().byteOffset(), e.getMessage());
                }
            }
        }
    }
}

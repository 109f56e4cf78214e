package io.mlformats.recordio.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.FormatException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .idx} and {@code .lst} files are read whole: their line length ({@code maxLineBytes}) and line count
 * ({@code maxArrayElements}) are bounded, inclusively (limit - 1 and limit read, limit + 1 refused).
 */
class IndexLimitsBoundaryTest {
    @TempDir
    Path dir;

    @Test
    void idxAndLstLineCountAndLineLengthAreBounded() throws IOException {
        int limit = 4;
        ReadLimits count = ReadLimits.builder().maxArrayElements(limit).build();
        for (int n : new int[] {limit - 1, limit, limit + 1}) {
            Path idx = Files.writeString(dir.resolve("a.idx"), "0\t0\n".repeat(n));
            Path lst = Files.writeString(dir.resolve("a.lst"), "0\t1\ta.jpg\n".repeat(n));
            if (n <= limit) {
                assertEquals(n, IdxIndex.read(idx, count).size());
                assertEquals(n, LstFile.read(lst, ReadMode.STRICT, count).size());
            } else {
                LimitExceededException e = assertThrows(LimitExceededException.class, () -> IdxIndex.read(idx, count));
                assertEquals("maxArrayElements", e.limitName());
                assertEquals(limit + 1, e.position().line());
                assertEquals(4L * limit, e.position().byteOffset());
                // A limit stops a lenient read too: it is not a bad line to skip.
                e = assertThrows(LimitExceededException.class, () -> LstFile.read(lst, ReadMode.LENIENT, count));
                assertEquals(limit + 1, e.position().line());
            }
        }
        int bytes = 12;
        ReadLimits length = ReadLimits.builder().maxLineBytes(bytes).build();
        for (int n : new int[] {bytes - 1, bytes, bytes + 1}) {
            Path idx = Files.writeString(dir.resolve("b.idx"), "1\t0\n" + "7\t" + "0".repeat(n - 2) + "\n");
            Path lst = Files.writeString(dir.resolve("b.lst"), "1\t1\ta.jpg\n" + "7\t1\t" + "a".repeat(n - 4) + "\n");
            if (n <= bytes) {
                assertEquals(2, IdxIndex.read(idx, length).size());
                assertEquals(2, LstFile.read(lst, ReadMode.STRICT, length).size());
            } else {
                LimitExceededException e = assertThrows(LimitExceededException.class, () -> IdxIndex.read(idx, length));
                assertEquals("maxLineBytes", e.limitName());
                assertEquals(2, e.position().line());
                assertThrows(LimitExceededException.class, () -> LstFile.read(lst, ReadMode.STRICT, length));
            }
        }
    }

    @Test
    void aBadLineIsReportedWithItsLineAndOffset() throws IOException {
        Path idx = Files.writeString(dir.resolve("c.idx"), "0\t0\n1\tx\n");
        FormatException e = assertThrows(FormatException.class, () -> IdxIndex.read(idx));
        assertEquals(2, e.position().line());
        assertEquals(4, e.position().byteOffset());
        assertTrue(e.getMessage().contains("offset 'x' is not an integer"), e.getMessage());
    }

    @Test
    void invalidUtf8IsALocatedErrorNotAReplacedPath() throws IOException {
        // fuzzing finding F3: was an unlocated MalformedInputException, then a path with U+FFFD in it
        Path lst = Files.write(dir.resolve("c.lst"), new byte[] {'0', '\t', '1', '\t', 'a', '.', 'j', 'p', 'g', '\n',
            '1', '\t', '0', '\t', 'b', (byte) 0x97, '.', 'j', 'p', 'g', '\n'});
        FormatException e = assertThrows(FormatException.class, () -> LstFile.read(lst, ReadMode.LENIENT,
                ReadLimits.defaults()));
        assertEquals(lst + ":2:15: record 1: invalid UTF-8 byte 0x97 in the .lst line; expected UTF-8 text", e.getMessage());
        Path idx = Files.write(dir.resolve("c.idx"), new byte[] {'0', '\t', '0', '\n', '1', '\t', '7', '2', (byte) 0x99, '\n'});
        e = assertThrows(FormatException.class, () -> IdxIndex.read(idx, ReadLimits.defaults()));
        assertEquals(idx + ":2:8: record 1: invalid UTF-8 byte 0x99 in the .idx line; expected UTF-8 text", e.getMessage());
    }
}

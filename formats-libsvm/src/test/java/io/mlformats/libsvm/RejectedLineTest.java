package io.mlformats.libsvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.vector.ValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link LibSvmReader#rejectedLine()} (the bytes of a line rejected under fail-fast, after which the reader goes on)
 * and {@link LibSvmReader#skip()} (rows walked without parsing).
 */
class RejectedLineTest {
    private static final String TEXT = "1 0:1 2:3\n# comment\nx 1:2\n\n0 3:4\r\n2 1:oops 4:5\n  \t\n3 7:7";

    private static LibSvmReader open(String text, LibSvmReadOptions options) throws IOException {
        return LibSvmReader.open(ByteSources.of(text.getBytes(StandardCharsets.UTF_8)).input(), options);
    }

    @Test
    void failFastRejectionsLeaveTheReaderUsableAndGiveTheLine() throws IOException {
        LibSvmReadOptions o = LibSvmReadOptions.defaults().withValueType(ValueType.FLOAT64);
        try (LibSvmReader r = open(TEXT, o)) {
            assertTrue(r.next());
            assertEquals(1.0, r.current().label());
            assertNull(r.rejectedLine());
            FormatException e = assertThrows(FormatException.class, r::next);
            assertEquals(3, e.position().line());
            assertEquals(20, e.position().byteOffset());
            assertArrayEquals("x 1:2".getBytes(StandardCharsets.UTF_8), r.rejectedLine());
            assertTrue(r.next());
            assertNull(r.rejectedLine());
            assertEquals(0.0, r.current().label());
            assertEquals(3, r.current().features().index(0));
            e = assertThrows(FormatException.class, r::next);
            assertEquals(6, e.position().line());
            assertArrayEquals("2 1:oops 4:5".getBytes(StandardCharsets.UTF_8), r.rejectedLine());
            assertTrue(r.next());
            assertEquals(3.0, r.current().label());
            assertFalse(r.next());
            assertNull(r.rejectedLine());
        }
    }

    @Test
    void skipAndCollectReportsNoRejectedLine() throws IOException {
        LibSvmReadOptions o = LibSvmReadOptions.defaults().withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT);
        try (LibSvmReader r = open(TEXT, o)) {
            int rows = 0;
            while (r.next()) {
                assertNull(r.rejectedLine());
                rows++;
            }
            assertEquals(3, rows);
            assertEquals(2, r.stats().skipped());
        }
    }

    @Test
    void skipCountsEveryRecordLineWithoutParsing() throws IOException {
        try (LibSvmReader r = open(TEXT, LibSvmReadOptions.defaults())) {
            int rows = 0;
            while (r.skip()) {
                rows++;
                assertThrows(IllegalStateException.class, r::current);
            }
            // Five record lines, the two malformed ones included; blank and comment lines are not rows.
            assertEquals(5, rows);
            assertEquals(5, r.stats().records());
        }
    }

    @Test
    void skipHonoursRangesLikeNext() throws IOException {
        byte[] bytes = TEXT.replace("x 1:2", "4 1:2").replace("oops", "9").getBytes(StandardCharsets.UTF_8);
        var input = ByteSources.seekable(bytes, "t.libsvm");
        for (int cut = 0; cut <= bytes.length; cut++) {
            int parsed = 0;
            int skipped = 0;
            for (ByteRange range : new ByteRange[] {ByteRange.of(0, cut), ByteRange.of(cut, bytes.length)}) {
                try (LibSvmReader r = LibSvmReader.open(input, range, LibSvmReadOptions.defaults())) {
                    while (r.next()) {
                        parsed++;
                    }
                }
                try (LibSvmReader r = LibSvmReader.open(input, range, LibSvmReadOptions.defaults())) {
                    while (r.skip()) {
                        skipped++;
                    }
                }
            }
            assertEquals(5, parsed, "cut " + cut);
            assertEquals(5, skipped, "cut " + cut);
        }
    }
}

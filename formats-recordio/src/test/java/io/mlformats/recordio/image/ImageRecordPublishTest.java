package io.mlformats.recordio.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.testkit.FaultInjection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 6: the {@code .rec} and {@code .idx} are published by two renames; no failure between them may
 * leave the new {@code .rec} beside the old {@code .idx} (an index of other records, silently wrong).
 */
class ImageRecordPublishTest {
    private static final byte[] OLD_REC = "old rec".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLD_IDX = "0\t0\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private Path rec;
    private Path idx;

    private ImageRecordWriter openOverOldPair() throws IOException {
        rec = Files.write(dir.resolve("a.rec"), OLD_REC);
        idx = Files.write(dir.resolve("a.idx"), OLD_IDX);
        ImageRecordWriter w = ImageRecordWriter.open(rec);
        w.writeSingleLabel(5, 1f, new byte[] {1, 2, 3});
        w.writeSingleLabel(6, 0f, new byte[] {4, 5});
        return w;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anIndexThatCannotBePublishedLeavesNoStaleIndexBesideTheNewRec() throws IOException {
        try (ImageRecordWriter w = openOverOldPair(); FaultInjection f = FaultInjection.failPublish(idx)) {
            IOException e = assertThrows(IOException.class, w::commit);
            assertTrue(e.getMessage().contains("published but its index " + idx), e.getMessage());
        }
        assertFalse(Files.exists(idx), "the old index must not describe the new records");
        assertFalse(java.util.Arrays.equals(OLD_REC, Files.readAllBytes(rec)), "the new .rec is published");
        assertEquals(List.of("a.rec"), names());
    }

    @Test
    void aRecThatCannotBePublishedLeavesTheOldPairWhole() throws IOException {
        try (ImageRecordWriter w = openOverOldPair(); FaultInjection f = FaultInjection.failPublish(rec)) {
            assertThrows(IOException.class, w::commit);
        }
        assertArrayEquals(OLD_REC, Files.readAllBytes(rec));
        assertArrayEquals(OLD_IDX, Files.readAllBytes(idx));
        assertEquals(List.of("a.idx", "a.rec"), names());
    }

    @Test
    void aCommitReplacesBothAndLeavesNothingAside() throws IOException {
        try (ImageRecordWriter w = openOverOldPair()) {
            w.commit();
        }
        assertEquals("5\t0\n6\t36\n", Files.readString(idx)); // 8-byte frame + 24-byte header + 3 bytes, padded
        assertEquals(List.of("a.idx", "a.rec"), names());
    }
}

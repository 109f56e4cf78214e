package io.mlformats.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTargetTest {
    private static final byte[] OLD = "old complete file\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = "1 0:1\n2 1:2\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void closeWithoutCommitLeavesAnExistingTargetUntouched(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("train.libsvm");
        Files.write(target, OLD);
        try (OutputTarget t = OutputTarget.file(target, false)) {
            t.stream().write(NEW);
            t.stream().flush();
        }
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of("train.libsvm"), AtomicFileSinkTest.names(dir));
    }

    @Test
    void commitPublishesGzipThatDecompressesToWhatWasWritten(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("train.libsvm.gz");
        try (OutputTarget t = OutputTarget.file(target, true)) {
            t.stream().write(NEW);
            t.commit();
            assertTrue(t.isCommitted());
        }
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(target))) {
            assertArrayEquals(NEW, in.readAllBytes());
        }
    }

    @Test
    void commitTwiceOrAfterAbortIsRefused(@TempDir Path dir) throws IOException {
        OutputTarget t = OutputTarget.file(dir.resolve("a"), false);
        t.commit();
        assertEquals("already committed", assertThrows(IllegalStateException.class, t::commit).getMessage());
        OutputTarget u = OutputTarget.of(new ByteArrayOutputStream());
        u.abort();
        u.abort();
        assertEquals("already aborted", assertThrows(IllegalStateException.class, u::commit).getMessage());
    }

    @Test
    void aStreamIsNeverClosedAndGetsNoTrailerWithoutCommit() throws IOException {
        ClosingProbe out = new ClosingProbe();
        try (OutputTarget t = OutputTarget.of(out, true)) {
            t.stream().write(NEW);
            t.stream().flush();
        }
        assertFalse(out.closed);
        byte[] unfinished = out.toByteArray();
        assertTrue(unfinished.length >= 10, "the gzip header was written");
        assertThrows(EOFException.class, () -> new GZIPInputStream(new ByteArrayInputStream(unfinished))
                .readAllBytes(), "a consumer fails loudly on the unfinished stream");

        ClosingProbe done = new ClosingProbe();
        OutputTarget t = OutputTarget.of(done, true);
        t.stream().write(NEW);
        t.commit();
        assertFalse(done.closed);
        assertArrayEquals(NEW, new GZIPInputStream(new ByteArrayInputStream(done.toByteArray())).readAllBytes());
    }

    @Test
    void theDeflaterIsReleasedOnAbortAndOnCommit(@TempDir Path dir) throws IOException {
        // Deflater.end() frees native memory; a deflater that was ended refuses more input.
        OutputTarget aborted = OutputTarget.of(new ByteArrayOutputStream(), true);
        aborted.abort();
        assertThrows(NullPointerException.class, () -> aborted.stream().write(NEW));

        OutputTarget closed = OutputTarget.file(dir.resolve("x.gz"), true);
        closed.close();
        assertThrows(NullPointerException.class, () -> closed.stream().write(NEW));

        OutputTarget committed = OutputTarget.file(dir.resolve("y.gz"), true);
        committed.commit();
        assertThrows(IOException.class, () -> committed.stream().write(NEW));
    }

    @Test
    void aFailingCommitAbortsTheFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("t");
        Files.write(target, OLD);
        OutputTarget t = OutputTarget.file(target, false);
        t.stream().write(NEW);
        Files.delete(dir.resolve(AtomicFileSinkTest.names(dir).stream().filter(n -> n.equals(".t.mlformats-tmp"))
                .findFirst().orElseThrow()));
        assertThrows(IOException.class, t::commit);
        assertArrayEquals(OLD, Files.readAllBytes(target));
    }

    private static final class ClosingProbe extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

}

package io.mlformats.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.testkit.FaultInjection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, item 6: existing outputs, concurrent writers, symbolic links, stale temporary files, located errors. */
class PublishingTest {
    private static final byte[] OLD = "old complete file\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = "1 0:1\n2 1:2\n".getBytes(StandardCharsets.UTF_8);

    private static List<String> names(Path dir) throws IOException {
        return AtomicFileSinkTest.names(dir);
    }

    @Test
    void createNewRefusesAnExistingFileWhenItOpens(@TempDir Path dir) throws IOException {
        Path target = Files.write(dir.resolve("k.pbr"), OLD);
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> AtomicFileSink.open(target, PublishMode.CREATE_NEW));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of("k.pbr"), names(dir));
    }

    @Test
    void createNewRefusesAFileThatAppearedWhileWriting(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("k.pbr");
        try (OutputTarget t = OutputTarget.file(target, false, PublishMode.CREATE_NEW)) {
            t.stream().write(NEW);
            Files.write(target, OLD); // another program, not a writer of this library
            FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, t::commit);
            assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        }
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of("k.pbr"), names(dir));
    }

    @Test
    void createNewPublishesANewFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("k.pbr");
        try (OutputTarget t = OutputTarget.file(target, false, PublishMode.CREATE_NEW)) {
            t.stream().write(NEW);
            t.commit();
        }
        assertArrayEquals(NEW, Files.readAllBytes(target));
        assertEquals(List.of("k.pbr"), names(dir));
    }

    @Test
    void aSecondWriterOfOneFileFailsAndTheFirstPublishes(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("k.pbr");
        try (AtomicFileSink first = AtomicFileSink.open(target)) {
            first.stream().write(NEW);
            FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicFileSink.open(target));
            assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("another writer"),
                    e.getMessage());
            // The same file under another name (a relative path) is the same file.
            Path relative = Path.of("").toAbsolutePath().relativize(target);
            assertThrows(FileSystemException.class, () -> OutputTarget.file(relative, true));
            first.commit();
        }
        assertArrayEquals(NEW, Files.readAllBytes(target));
        assertEquals(List.of("k.pbr"), names(dir));
        // Once the first is done, the file may be written again.
        try (AtomicFileSink again = AtomicFileSink.open(target)) {
            again.stream().write(OLD);
            again.commit();
        }
        assertArrayEquals(OLD, Files.readAllBytes(target));
    }

    @Test
    void anAbortedWriterLetsTheNextOneWrite(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("k.pbr");
        AtomicFileSink.open(target).close();
        try (AtomicFileSink s = AtomicFileSink.open(target)) {
            assertFalse(s.removedStaleTemp());
            s.commit();
        }
        assertEquals(List.of("k.pbr"), names(dir));
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsDestinationIsReplaced(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path real = Files.write(data.resolve("train.libsvm"), OLD);
        Path link = Files.createSymbolicLink(dir.resolve("current.libsvm"), Path.of("data", "train.libsvm"));
        try (OutputTarget t = OutputTarget.file(link, false)) {
            t.stream().write(NEW);
            t.commit();
        }
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(NEW, Files.readAllBytes(real));
        assertEquals(List.of("current.libsvm", "data"), names(dir));
        assertEquals(List.of("train.libsvm"), names(data));
    }

    @Test
    void aDanglingSymbolicLinkGetsItsDestinationCreated(@TempDir Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), dir.resolve("made.csv"));
        try (AtomicFileSink s = AtomicFileSink.open(link, PublishMode.CREATE_NEW)) {
            s.stream().write(NEW);
            s.commit();
        }
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(NEW, Files.readAllBytes(dir.resolve("made.csv")));
    }

    @Test
    void theTemporaryFileOfAKilledWriterIsTakenOverAndNeverPublished(@TempDir Path dir) throws IOException {
        Path target = Files.write(dir.resolve("k.pbr"), OLD);
        // What a writer killed by SIGKILL leaves: its temporary file, no longer locked by anyone.
        Files.write(dir.resolve(".k.pbr.mlformats-tmp"), new byte[100_000]);
        try (AtomicFileSink s = AtomicFileSink.open(target)) {
            assertTrue(s.removedStaleTemp());
            assertEquals(0, Files.size(s.tempPath()), "the stale bytes are discarded");
            s.stream().write(NEW);
            s.commit();
        }
        assertArrayEquals(NEW, Files.readAllBytes(target));
        assertEquals(List.of("k.pbr"), names(dir));
    }

    @Test
    void aFullDiskNamesTheTargetAndTheTemporaryFileAndLeavesTheTargetAlone(@TempDir Path dir) throws IOException {
        Path target = Files.write(dir.resolve("k.pbr"), OLD);
        try (FaultInjection f = FaultInjection.diskFull(dir, 100_000)) {
            OutputTarget t = OutputTarget.file(target, true);
            IOException e = assertThrows(IOException.class, () -> {
                try (t) {
                    byte[] chunk = new byte[8192];
                    for (int i = 0; i < 10_000; i++) {
                        chunk[i % chunk.length] = (byte) (i * 31); // not all zeros: gzip must emit bytes
                        t.stream().write(chunk);
                    }
                    t.commit();
                }
            });
            String m = e.getMessage();
            assertTrue(m.contains(FaultInjection.NO_SPACE) && m.contains(target.toString())
                    && m.contains(".k.pbr.mlformats-tmp"), m);
        }
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of("k.pbr"), names(dir));
    }

    @Test
    void aFailingPublishNamesTheTargetAndLeavesItAlone(@TempDir Path dir) throws IOException {
        Path target = Files.write(dir.resolve("k.pbr"), OLD);
        try (FaultInjection f = FaultInjection.failPublish(target); OutputTarget t = OutputTarget.file(target, false)) {
            t.stream().write(NEW);
            IOException e = assertThrows(IOException.class, t::commit);
            assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        }
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of("k.pbr"), names(dir));
    }

    @Test
    void aLinkUnderTheTemporaryNameIsNeverWrittenThrough(@TempDir Path dir) throws IOException {
        Path victim = Files.write(dir.resolve("victim"), OLD);
        Files.createSymbolicLink(dir.resolve(".k.pbr.mlformats-tmp"), victim);
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicFileSink.open(dir.resolve("k.pbr")));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertArrayEquals(OLD, Files.readAllBytes(victim));
    }
}

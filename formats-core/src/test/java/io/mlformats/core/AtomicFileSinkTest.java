package io.mlformats.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileSinkTest {

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void commitPublishesTheFileAndLeavesNoTemp(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.svm");
        try (AtomicFileSink sink = AtomicFileSink.open(target)) {
            sink.stream().write("1 0:1\n".getBytes());
            assertFalse(Files.exists(target), "nothing under the final name before commit");
            assertTrue(Files.exists(sink.tempPath()));
            sink.commit();
        }
        assertArrayEquals("1 0:1\n".getBytes(), Files.readAllBytes(target));
        assertEquals(List.of("out.svm"), names(dir));
    }

    @Test
    void anExceptionMidWriteLeavesNoFileAndNoTemp(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.svm");
        assertThrows(IllegalStateException.class, () -> {
            try (AtomicFileSink sink = AtomicFileSink.open(target)) {
                sink.stream().write(new byte[100_000]);
                throw new IllegalStateException("writer failed");
            }
        });
        assertEquals(List.of(), names(dir));
    }

    @Test
    void abortKeepsAnExistingTargetUntouched(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("keep.txt");
        Files.write(target, "old".getBytes());
        try (AtomicFileSink sink = AtomicFileSink.open(target)) {
            sink.stream().write("new but failed".getBytes());
            sink.abort();
        }
        assertArrayEquals("old".getBytes(), Files.readAllBytes(target));
        assertEquals(List.of("keep.txt"), names(dir));
    }

    @Test
    void commitReplacesAnExistingTarget(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("t.txt");
        Files.write(target, "old".getBytes());
        try (AtomicFileSink sink = AtomicFileSink.open(target)) {
            sink.stream().write("new".getBytes());
            sink.commit();
        }
        assertArrayEquals("new".getBytes(), Files.readAllBytes(target));
        assertEquals(List.of("t.txt"), names(dir));
    }
}

package io.mlformats.cli.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mlformats.cli.Progress;
import io.mlformats.core.FormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConverterTest {
    private final Cleanup cleanup = new Cleanup();

    private static List<String> messages(Throwable[] suppressed) {
        return Arrays.stream(suppressed).map(Throwable::getMessage).toList();
    }

    @Test
    void everySourceIsClosedOnceAndTheFirstErrorIsThrownWithCloseErrorsSuppressed() {
        FakeRows.Source a = new FakeRows.Source("a", 2, -1, new IOException("closing a failed"));
        FakeRows.Source b = new FakeRows.Source("b", 5, 1, new IOException("closing b failed"));
        Map<Path, FakeRows.Source> byFile = Map.of(Path.of("a"), a, Path.of("b"), b);
        FakeRows.Sink sink = new FakeRows.Sink();
        List<String> finished = new ArrayList<>();
        FormatException e = assertThrows(FormatException.class, () -> Converter.copyAll(
                List.of(Path.of("a"), Path.of("b")), byFile::get, first -> cleanup.register(sink),
                Progress.none(), src -> finished.add(src.position().source())));
        assertEquals("bad record in b", e.detail());
        assertEquals(List.of("closing b failed", "closing a failed"), messages(e.getSuppressed()));
        assertEquals(1, a.closes, "the first source is closed once");
        assertEquals(1, b.closes);
        assertEquals(List.of("a"), finished);
        assertEquals(List.of("write", "write", "write", "abort"), sink.events(), "aborted, never committed");
    }

    @Test
    void aFailingFirstSourceIsClosedOnceToo() {
        FakeRows.Source a = new FakeRows.Source("a", 3, 0, new IOException("closing a failed"));
        FakeRows.Sink sink = new FakeRows.Sink();
        FormatException e = assertThrows(FormatException.class, () -> Converter.copyAll(List.of(Path.of("a")),
                f -> a, first -> cleanup.register(sink), Progress.none(), src -> { }));
        assertEquals("bad record in a", e.detail());
        assertEquals(List.of("closing a failed"), messages(e.getSuppressed()));
        assertEquals(1, a.closes);
        assertEquals(List.of("abort"), sink.events());
    }

    @Test
    void allRowsAreCopiedAndCommittedOnce() throws Exception {
        FakeRows.Source a = new FakeRows.Source("a", 2, -1, null);
        FakeRows.Source b = new FakeRows.Source("b", 1, -1, null);
        FakeRows.Sink sink = new FakeRows.Sink();
        long n = Converter.copyAll(List.of(Path.of("a"), Path.of("b")),
                f -> f.toString().equals("a") ? a : b, first -> cleanup.register(sink), Progress.none(), src -> { });
        assertEquals(3, n);
        assertEquals(List.of("write", "write", "write", "commit"), sink.events(), "closing a committed output "
                + "does not abort it");
        assertEquals(1, a.closes);
        assertEquals(1, b.closes);
    }

    @Test
    void aRowTheOutputCannotHoldIsPositionedAndKeepsItsCause() {
        FakeRows.Source a = new FakeRows.Source("a", 3, -1, null);
        FakeRows.Sink sink = new FakeRows.Sink();
        IllegalArgumentException cause = new IllegalArgumentException("weights cannot be written");
        sink.writeError = cause;
        FormatException e = assertThrows(FormatException.class, () -> Converter.copy(a, sink, Progress.none(), 0));
        assertEquals("cannot write this row: weights cannot be written", e.detail());
        assertEquals(1, e.position().recordIndex());
        assertSame(cause, e.getCause());
    }
}

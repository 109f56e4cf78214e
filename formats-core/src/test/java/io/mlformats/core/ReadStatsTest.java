package io.mlformats.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mlformats.core.internal.ReadCounter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadStatsTest {

    @Test
    void callersSeeNoMutators() {
        List<String> mutators = Arrays.stream(ReadStats.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .filter(n -> n.startsWith("add") || n.startsWith("set") || n.equals("merge"))
                .toList();
        assertEquals(List.of(), mutators);
    }

    @Test
    void snapshotsAreFrozenAndMergeAddsEverything() {
        ReadCounter a = new ReadCounter(2);
        a.addRecord();
        a.addRecord();
        a.setBytes(100);
        a.addWarning("bom-skipped");
        a.addSkipped(error(5));
        ReadStats frozen = a.snapshot();
        a.addRecord();
        assertEquals(2, frozen.records());
        assertEquals(3, a.records());

        ReadCounter b = new ReadCounter(2);
        b.addRecord();
        b.setBytes(50);
        b.addWarning("bom-skipped");
        b.addWarning("lenient-value");
        b.addSkipped(error(60));
        b.addSkipped(error(70));
        ReadStats m = ReadStats.merge(frozen, b.snapshot(), 2);
        assertEquals(3, m.records());
        assertEquals(150, m.bytes());
        assertEquals(3, m.skipped());
        assertEquals(3, m.warnings());
        assertEquals(Map.of("bom-skipped", 2L, "lenient-value", 1L), m.warningsByKind());
        assertEquals(List.of(5L, 60L), m.errors().stream().map(e -> e.position().byteOffset()).toList());
        assertThrows(UnsupportedOperationException.class, () -> m.errors().clear());
    }

    @Test
    void formatExceptionsKeepTheirPositionThroughSerialization() throws Exception {
        LimitExceededException e = new LimitExceededException(SourcePosition.ofLine("f.libsvm", 12, 3, 4),
                "maxLineBytes", 10, "a line of 11 bytes");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        FormatException back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (FormatException) in.readObject();
        }
        assertEquals(e.position(), back.position());
        assertEquals(e.getMessage(), back.getMessage());
        assertFalse(back.position() == null);
    }

    private static FormatException error(long offset) {
        return new FormatException(SourcePosition.ofRecord("x", offset, offset), "bad");
    }

}

package io.mlformats.libsvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadMode;
import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.core.vector.ValueType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibSvmReaderTest {
    private static final LibSvmReadOptions STRICT = LibSvmReadOptions.defaults();
    private static final LibSvmReadOptions LENIENT = STRICT.withMode(ReadMode.LENIENT);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static FormatException fails(String text, LibSvmReadOptions o) {
        return assertThrows(FormatException.class, () -> LibSvmChecks.readRows(b(text), o));
    }

    @Test
    void commonLineLongerThanTheLimitIsRefused() throws IOException {
        // In memory such a line takes the one-pass path, which finds no newline first: the limit holds there too.
        StringBuilder longLine = new StringBuilder("1");
        for (int i = 0; i < 200; i++) {
            longLine.append(' ').append(i).append(":0.5");
        }
        LibSvmReadOptions o = STRICT.withLimits(io.mlformats.core.ReadLimits.builder().maxLineBytes(64).build());
        try (LibSvmReader r = TestRows.reader(b("0 1:2\n" + longLine + "\n0 3:4\n"), o)) {
            assertTrue(r.next());
            assertEquals(2.0, r.current().features().value(0));
            io.mlformats.core.LimitExceededException e =
                    assertThrows(io.mlformats.core.LimitExceededException.class, r::next);
            assertTrue(e.getMessage().contains("line 2"), e.getMessage());
            assertTrue(e.getMessage().contains("maxLineBytes"), e.getMessage());
        }
    }

    @Test
    void errorNamesFileLineOffsetRecordFoundAndExpected(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("file.svm"), b("# c\n1 3:1\n\n0 17 :2\n"));
        FormatException e = assertThrows(FormatException.class, () -> {
            try (LibSvmReader r = LibSvmReader.open(f, STRICT)) {
                while (r.next()) {
                    // drain
                }
            }
        });
        // line 4 starts at byte 11; the offending ' ' after "17" is at 11 + 4
        assertEquals(f + ":4:15: record 1: expected ':' after feature index 17, found ' '", e.getMessage());
        assertEquals(15, e.position().byteOffset());
    }

    @Test
    void decisionsForQuestionableInput() {
        assertEquals("expected a value after '1:', found end of line", fails("1 1:\n", STRICT).detail());
        assertEquals("expected ':' after feature index 1, found ' '", fails("1 1 : 2\n", LENIENT).detail());
        assertTrue(fails("1 1:0x10\n", LENIENT).detail().contains("'0x10'"));
        assertTrue(fails("1 1:1_0\n", LENIENT).detail().contains("'1_0'"));
        assertTrue(fails("1 1:1,5\n", LENIENT).detail().contains("'1,5'"));
        assertEquals("duplicate feature index 2", fails("1 2:1 2:3\n", LENIENT).detail());
        assertEquals("duplicate feature index 2", fails("1 2:1 1:0 2:3\n", LENIENT).detail());
        assertTrue(fails("1 3:1 2:1\n", STRICT).detail().startsWith("feature indices must be ascending: 2 after 3"));
        assertTrue(fails("1 1:nan\n", STRICT).detail().startsWith("non-finite value 'nan'"));
        assertTrue(fails("1 1:1e39\n", STRICT).detail().startsWith("out-of-range value '1e39' for float32"));
        assertTrue(fails("1 -1:2\n", LENIENT).detail().startsWith("negative feature index"));
        assertTrue(fails("1 1:2 qid:3\n", LENIENT).detail().startsWith("qid must directly follow"));
        assertTrue(fails("1 2147483648:1\n", LENIENT).detail().contains("too large"));
        assertTrue(fails("1,0 1:2\n", STRICT).detail().contains("multiLabel"));
        assertTrue(fails("1 1:2\n\u00ef\u00bb\u00bf0 1:2\n", LENIENT).detail().contains("byte-order mark"));
        assertEquals("feature index 0 in one-based input (indices start at 1)",
                fails("1 0:1\n", STRICT.withIndexBase(IndexBase.ONE)).detail());
        assertTrue(fails("1 5:1\n", STRICT.withNumFeatures(5)).detail().contains("not below numFeatures 5"));
        assertTrue(fails("1 qid:x 1:1\n", STRICT).detail().contains("integer qid"));
    }

    @Test
    void lenientAcceptsWhatAToolAcceptsAndCountsIt() throws IOException {
        try (LibSvmReader r = TestRows.reader(b("1 3:1 1:nan 2:1e39\n"), LENIENT)) {
            assertTrue(r.next());
            LibSvmRow row = r.current();
            assertEquals(3, row.nnz());
            assertEquals(1, row.features().index(0));
            assertTrue(Float.isNaN(row.features().floatValues()[0]));
            assertEquals(Float.POSITIVE_INFINITY, row.features().floatValues()[1]);
            assertEquals(3, row.features().index(2));
            assertEquals(1L, r.stats().warningsByKind().get("unsorted-indices"));
            assertEquals(1L, r.stats().warningsByKind().get("non-finite-number"));
            assertEquals(1L, r.stats().warningsByKind().get("out-of-range-number"));
        }
    }

    @Test
    void syntaxAcceptedRows() throws IOException {
        List<LibSvmRow> rows = LibSvmChecks.readRows(b("\u00ef\u00bb\u00bf# head\n\n+1:2.5 qid:-9223372036854775808"
                + "\t0:1e5  7:.5 # tail 1:2\r\n  -2 8:5.#x\n3"), STRICT.withValueType(ValueType.FLOAT64));
        assertEquals(3, rows.size());
        LibSvmRow r0 = rows.get(0);
        assertEquals(1.0, r0.label());
        assertEquals(2.5, r0.weight());
        assertEquals(Long.MIN_VALUE, r0.qid());
        assertEquals(2, r0.nnz());
        assertEquals(1e5, r0.features().value(0));
        assertEquals(7, r0.features().index(1));
        assertEquals(-2.0, rows.get(1).label());
        assertEquals(5.0, rows.get(1).features().value(0));
        assertFalse(rows.get(2).hasWeight());
        assertEquals(0, rows.get(2).nnz());
    }

    @Test
    void multiLabelRows() throws IOException {
        List<LibSvmRow> rows = LibSvmChecks.readRows(b("1,0 2:1\n 3:1\n2 qid:4\n"), STRICT.withMultiLabel(true));
        assertEquals(2, rows.get(0).labelCount());
        assertEquals(0.0, rows.get(0).label(1));
        assertEquals(0, rows.get(1).labelCount());
        assertTrue(Double.isNaN(rows.get(1).label()));
        assertEquals(4, rows.get(2).qid());
    }

    @Test
    void skipAndCollectKeepsGoodRowsAndErrorsWithPositions() throws IOException {
        LibSvmReadOptions o = STRICT.withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT);
        try (LibSvmReader r = TestRows.reader(b("1 1:1\nx 2:2\n0 3:3\n1 2:1 1:1\n"), o)) {
            int n = 0;
            while (r.next()) {
                n++;
            }
            assertEquals(2, n);
            assertEquals(2, r.stats().skipped());
            FormatException e0 = r.stats().errors().get(0);
            assertEquals(2, e0.position().line());
            assertEquals(1, e0.position().recordIndex());
            assertEquals(6, e0.position().byteOffset());
            assertEquals(4, r.stats().errors().get(1).position().line());
            assertEquals(4, r.numFeatures());
        }
    }

    @Test
    void autoWhenStreaming(@TempDir Path dir) throws IOException {
        LibSvmReadOptions auto = STRICT.withIndexBase(IndexBase.AUTO);
        byte[] data = b("1 1:1\n0 3:2\n");
        try (LibSvmReader r = TestRows.reader(data, auto)) {
            assertEquals(IndexBase.ONE, r.indexBase());
            assertTrue(r.next());
            assertEquals(0, r.current().features().index(0));
        }
        Path gz = Files.write(dir.resolve("a.gz"), io.mlformats.testkit.AdversarialInputs.gzip(data));
        try (LibSvmReader r = LibSvmReader.open(gz, auto)) {
            assertEquals(IndexBase.ONE, r.indexBase());
        }
        assertThrows(IllegalArgumentException.class,
                () -> LibSvmReader.open(ByteSources.stream(new ByteArrayInputStream(data)), auto));
        CsrMatrix m = new LibSvmLoader(auto).load(ByteSources.stream(new ByteArrayInputStream(data)));
        assertEquals(3, m.numCols());
        assertEquals(2.0, m.get(1, 2));
    }

    @Test
    void bomIsSkippedWithAWarningAndEveryRowHasItsPosition() throws IOException {
        try (LibSvmReader r = TestRows.reader(b("\u00ef\u00bb\u00bf1 0:1\r\n\r\n0 1:2"), STRICT)) {
            assertTrue(r.next());
            assertEquals(1L, r.stats().warningsByKind().get("bom-skipped"));
            assertEquals(3, r.position().byteOffset());
            assertTrue(r.next());
            assertEquals(3, r.position().line());
            assertEquals(1, r.position().recordIndex());
            assertFalse(r.next());
            assertEquals(2, r.stats().records());
        }
    }
}

package io.mlformats.libsvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.TabularReader;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.libsvm.csv.CsvReadOptions;
import io.mlformats.libsvm.csv.CsvReader;
import io.mlformats.libsvm.csv.CsvWriteOptions;
import io.mlformats.libsvm.csv.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The readers as {@link TabularReader}s and the writers as {@link io.mlformats.core.TabularWriter}s: what
 * {@code currentRow()} presents, what {@code writeRow} writes, {@code current()} outside a row, and input
 * ownership.
 */
class TabularTest {

    private static ByteInput bytes(String s) {
        return ByteSources.of(s.getBytes(StandardCharsets.US_ASCII)).input();
    }

    @Test
    void currentBeforeNextAndAfterTheEndThrows() throws IOException {
        try (LibSvmReader r = LibSvmReader.open(bytes("1 0:1\n"), LibSvmReadOptions.defaults())) {
            assertThrows(IllegalStateException.class, r::current);
            assertThrows(IllegalStateException.class, r::currentRow);
            assertTrue(r.next());
            assertEquals(1.0, r.current().label());
            assertFalse(r.next());
            assertThrows(IllegalStateException.class, r::current);
            assertThrows(IllegalStateException.class, r::currentRow);
        }
        try (CsvReader r = CsvReader.open(bytes("1,2\n"), CsvReadOptions.defaults())) {
            assertThrows(IllegalStateException.class, r::current);
            assertThrows(IllegalStateException.class, r::currentRow);
            assertTrue(r.next());
            assertEquals(2.0, r.current().features().value(0));
            assertFalse(r.next());
            assertThrows(IllegalStateException.class, r::current);
        }
    }

    @Test
    void theReaderNeverClosesTheCallersInput() throws IOException {
        boolean[] closed = new boolean[1];
        ByteInput in = bytes("1 0:1\n");
        ByteInput tracking = new ByteInput() {
            @Override
            public String name() {
                return in.name();
            }

            @Override
            public int read(byte[] dst, int offset, int length) throws IOException {
                return in.read(dst, offset, length);
            }

            @Override
            public long position() {
                return in.position();
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (LibSvmReader r = LibSvmReader.open(tracking, LibSvmReadOptions.defaults())) {
            assertTrue(r.next());
        }
        assertFalse(closed[0], "LibSvmReader closed the caller's input");
        try (CsvReader r = CsvReader.open(tracking, CsvReadOptions.defaults())) {
            assertFalse(r.next());
        }
        assertFalse(closed[0], "CsvReader closed the caller's input");
    }

    @Test
    void libSvmRowsAsLabeledRows() throws IOException {
        LibSvmReadOptions o = LibSvmReadOptions.defaults();
        try (LibSvmReader r = LibSvmReader.open(bytes("2:0.5 qid:7 1:3 4:5\n1 0:1\n"), o)) {
            assertTrue(r.next());
            LabeledRow row = r.currentRow();
            assertEquals(1, row.labelCount());
            assertEquals(2.0, row.label(0));
            assertFalse(row.isMultiLabel());
            assertTrue(row.hasWeight());
            assertEquals(0.5, row.weight());
            assertTrue(row.hasQid());
            assertEquals(7, row.qid());
            assertTrue(row.isSparse());
            assertFalse(row.absentIsZero(), "absent LibSVM entries are missing values");
            assertSame(r.current().features(), row.sparse(), "a view, not a copy");
            assertEquals(4, row.sparse().index(1));
            assertTrue(r.next());
            assertSame(row, r.currentRow(), "one reused view");
            assertFalse(row.hasWeight());
            assertFalse(row.hasQid());
        }
        try (LibSvmReader r = LibSvmReader.open(bytes("1,3 0:1\n 2:2\n"), o.withMultiLabel(true))) {
            assertTrue(r.next());
            LabeledRow row = r.currentRow();
            assertTrue(row.isMultiLabel());
            assertEquals(2, row.labelCount());
            assertEquals(3.0, row.label(1));
            assertTrue(r.next());
            assertTrue(r.currentRow().isMultiLabel(), "an empty label list is still a list");
            assertEquals(0, r.currentRow().labelCount());
        }
    }

    @Test
    void csvRowsAsDenseLabeledRows() throws IOException {
        CsvReadOptions o = CsvReadOptions.defaults().withWeight(true).withValueType(ValueType.FLOAT64);
        try (CsvReader r = CsvReader.open(bytes("1,0.5,2,,nan,0\n"), o)) {
            assertTrue(r.next());
            LabeledRow row = r.currentRow();
            assertEquals(1.0, row.label(0));
            assertEquals(0.5, row.weight());
            assertFalse(row.isSparse());
            DenseVector d = row.dense();
            assertEquals(4, d.size());
            assertEquals(2.0, d.value(0));
            assertTrue(Double.isNaN(d.value(1)));
            assertTrue(Double.isNaN(d.value(2)));
            assertEquals(0.0, d.value(3));
            assertEquals(ValueType.FLOAT64, d.type());
        }
    }

    private static String libsvm(LabeledRow... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LibSvmWriter w = LibSvmWriter.open(out, LibSvmWriteOptions.defaults())) {
            for (LabeledRow r : rows) {
                w.writeRow(r);
            }
            w.commit();
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static String csv(CsvWriteOptions o, LabeledRow... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter w = CsvWriter.open(out, o)) {
            for (LabeledRow r : rows) {
                w.writeRow(r);
            }
            w.commit();
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static LabeledRow dense(double label, float... values) {
        LabeledRow r = new LabeledRow();
        r.addLabel(label);
        r.setFeatures(DenseVector.ofFloat32(values));
        return r;
    }

    private static LabeledRow sparse(double label, boolean absentIsZero, long dim, int[] idx, float[] values) {
        LabeledRow r = new LabeledRow();
        r.addLabel(label);
        SparseVector v = SparseVector.ofFloat32(dim, idx, values);
        if (absentIsZero) {
            r.setFeaturesAbsentZero(v);
        } else {
            r.setFeatures(v);
        }
        return r;
    }

    @Test
    void writeRowMapsDenseAndSparseRows() throws IOException {
        LabeledRow d = dense(1, 0.5f, Float.NaN, 0f);
        d.setWeight(2);
        d.setQid(9);
        assertEquals("1:2 qid:9 0:0.5 2:0\n", libsvm(d), "NaN is missing and left out; zeros are kept");
        LabeledRow multi = new LabeledRow();
        multi.addLabel(1);
        multi.addLabel(4);
        multi.setFeatures(SparseVector.ofFloat32(3, new int[] {2}, new float[] {1}));
        assertEquals("1,4 2:1\n", libsvm(multi));

        CsvWriteOptions plain = CsvWriteOptions.defaults();
        assertEquals("1,0.5,,0\n", csv(plain, dense(1, 0.5f, Float.NaN, 0f)));
        assertEquals("1,,2,\n", csv(plain, sparse(1, false, 3, new int[] {1}, new float[] {2})),
                "absent LibSVM entries stay missing");
        assertEquals("1,0,2,0\n", csv(plain, sparse(1, true, 3, new int[] {1}, new float[] {2})),
                "absent protobuf entries are zeros");
    }

    @Test
    void writeRowRefusesWhatTheFormatCannotHoldAndGoesOn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter w = CsvWriter.open(out, CsvWriteOptions.defaults())) {
            LabeledRow qid = dense(1, 1f);
            qid.setQid(3);
            assertThrows(IllegalArgumentException.class, () -> w.writeRow(qid));
            LabeledRow multi = dense(1, 1f);
            multi.setMultiLabel();
            assertThrows(IllegalArgumentException.class, () -> w.writeRow(multi));
            LabeledRow weighted = dense(1, 1f);
            weighted.setWeight(2);
            assertThrows(IllegalArgumentException.class, () -> w.writeRow(weighted));
            LabeledRow unlabeled = new LabeledRow();
            unlabeled.setFeatures(DenseVector.ofFloat32(1f));
            assertThrows(IllegalArgumentException.class, () -> w.writeRow(unlabeled));
            w.writeRow(dense(0, 3f));
            w.commit();
        }
        assertEquals("0,3\n", out.toString(StandardCharsets.US_ASCII));
        LabeledRow unlabeled = new LabeledRow();
        unlabeled.setFeatures(DenseVector.ofFloat32(1f));
        assertThrows(IllegalArgumentException.class, () -> libsvm(unlabeled));
    }

    @Test
    void aLibSvmFileConvertsToCsvThroughLabeledRows() throws IOException {
        String text = "1 0:1 2:3\n0 1:0.5\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LibSvmReader r = LibSvmReader.open(bytes(text), LibSvmReadOptions.defaults().withNumFeatures(3));
                CsvWriter w = CsvWriter.open(out, CsvWriteOptions.defaults())) {
            while (r.next()) {
                w.writeRow(r.currentRow());
            }
            w.commit();
        }
        assertEquals("1,1,,3\n0,,0.5,\n", out.toString(StandardCharsets.US_ASCII));
        StringBuilder back = new StringBuilder();
        try (CsvReader r = CsvReader.open(ByteSources.of(out.toByteArray()).input(), CsvReadOptions.defaults())) {
            ByteArrayOutputStream svm = new ByteArrayOutputStream();
            try (LibSvmWriter w = LibSvmWriter.open(svm, LibSvmWriteOptions.defaults())) {
                while (r.next()) {
                    w.writeRow(r.currentRow());
                }
                w.commit();
            }
            back.append(svm.toString(StandardCharsets.US_ASCII));
        }
        assertEquals(text, back.toString(), "dense NaN back to absent entries");
    }
}

package io.mlformats.recordio.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.recordio.protobuf.generated.RecordProtos;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RecordProtobufReader#currentRow()} and {@link RecordProtobufWriter#writeRow} with real values. */
class TabularRowTest {

    static byte[] write(RecordProtobufWriteOptions o, List<LabeledRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out, o)) {
            for (LabeledRow r : rows) {
                w.writeRow(r);
            }
            w.commit();
        }
        return out.toByteArray();
    }

    static List<LabeledRow> read(byte[] file) throws IOException {
        List<LabeledRow> out = new ArrayList<>();
        try (RecordProtobufReader r = RecordProtobufReader.open(ByteSources.of(file).input(),
                RecordProtobufReadOptions.defaults())) {
            while (r.next()) {
                out.add(r.currentRow().copy());
            }
        }
        return out;
    }

    static LabeledRow dense(double label, float... values) {
        LabeledRow r = new LabeledRow();
        r.addLabel(label);
        r.setFeatures(DenseVector.ofFloat32(values));
        return r;
    }

    static LabeledRow sparse(long dim, int[] idx, float[] values) {
        LabeledRow r = new LabeledRow();
        r.setFeatures(SparseVector.ofFloat32(dim, idx, values));
        return r;
    }

    @Test
    void rowsRoundTripAsTheSdkWritesThem() throws IOException {
        byte[] file = write(RecordProtobufWriteOptions.defaults(), List.of(
                dense(1, 0.5f, 0f, -2f),
                sparse(10, new int[] {2, 9}, new float[] {3f, 4f})));
        // same bytes as the direct SDK-shaped calls
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(direct, RecordProtobufWriteOptions.defaults())) {
            w.writeDense(new float[] {0.5f, 0f, -2f}, 1);
            w.writeSparse(10, new int[] {2, 9}, new float[] {3f, 4f}, 0, 2);
            w.commit();
        }
        assertArrayEquals(direct.toByteArray(), file);
        List<LabeledRow> rows = read(file);
        assertEquals(2, rows.size());
        LabeledRow d = rows.get(0);
        assertFalse(d.isSparse());
        assertEquals(1, d.labelCount());
        assertEquals(1.0, d.label(0));
        assertEquals(ValueType.FLOAT32, d.valueType());
        assertArrayEquals(new float[] {0.5f, 0f, -2f}, d.dense().toFloatArray());
        LabeledRow s = rows.get(1);
        assertTrue(s.isSparse());
        assertTrue(s.absentIsZero());
        assertEquals(0, s.labelCount());
        assertEquals(10, s.width());
        assertEquals(2, s.sparse().nnz());
        assertEquals(9, s.sparse().index(1));
        assertEquals(4.0, s.sparse().value(1));
    }

    @Test
    void layoutAndTypeOptionsConvertRows() throws IOException {
        RecordProtobufWriteOptions o = RecordProtobufWriteOptions.defaults().withRowLayout(RowLayout.DENSE)
                .withRowType(ValueType.FLOAT64).withLabelType(TensorType.FLOAT64);
        List<LabeledRow> rows = read(write(o, List.of(sparse(4, new int[] {1, 3}, new float[] {1.5f, -1f}))));
        LabeledRow d = rows.get(0);
        assertFalse(d.isSparse());
        assertEquals(ValueType.FLOAT64, d.valueType());
        assertArrayEquals(new double[] {0, 1.5, 0, -1}, d.dense().toDoubleArray());

        rows = read(write(RecordProtobufWriteOptions.defaults().withRowLayout(RowLayout.SPARSE),
                List.of(dense(0, 0f, 7f, 0f, Float.NaN))));
        LabeledRow s = rows.get(0);
        assertTrue(s.isSparse());
        assertEquals(4, s.width());
        assertEquals(2, s.sparse().nnz(), "zeros are left out, NaN is kept");
        assertEquals(1, s.sparse().index(0));
        assertTrue(Double.isNaN(s.sparse().value(1)));

        rows = read(write(RecordProtobufWriteOptions.defaults().withNumFeatures(50),
                List.of(sparse(0, new int[] {3}, new float[] {1f}))));
        assertEquals(50, rows.get(0).width(), "numFeatures gives a dimensionless sparse row its shape");
    }

    @Test
    void rowsTheFormatCannotHoldAreRefusedWithoutPoisoningTheWriter() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out, RecordProtobufWriteOptions.defaults())) {
            LabeledRow multi = dense(1, 1f);
            multi.addLabel(2);
            assertThrows(IllegalArgumentException.class, () -> w.writeRow(multi));
            LabeledRow weighted = dense(1, 1f);
            weighted.setWeight(2);
            assertThrows(IllegalArgumentException.class, () -> w.writeRow(weighted));
            LabeledRow withQid = dense(1, 1f);
            withQid.setQid(3);
            assertThrows(IllegalArgumentException.class, () -> w.writeRow(withQid));
            assertThrows(IllegalArgumentException.class,
                    () -> w.writeRow(sparse(0, new int[] {1}, new float[] {1f})), "no dimension");
            RecordProtobufWriteOptions dense4 = RecordProtobufWriteOptions.defaults().withRowLayout(RowLayout.DENSE)
                    .withNumFeatures(2);
            try (RecordProtobufWriter w2 = RecordProtobufWriter.open(new ByteArrayOutputStream(), dense4)) {
                assertThrows(IllegalArgumentException.class,
                        () -> w2.writeRow(sparse(0, new int[] {5}, new float[] {1f})), "index beyond numFeatures");
            }
            assertEquals(0, w.position(), "nothing of a refused row was written");
            w.writeRow(dense(3, 9f));
            w.commit();
        }
        List<LabeledRow> rows = read(out.toByteArray());
        assertEquals(1, rows.size());
        assertEquals(3.0, rows.get(0).label(0));
    }

    @Test
    void int32AndFloat64TensorsGiveFloat64RowsAndMultiValueLabelsALabelList() throws IOException {
        RecordProtos.Record rec = RecordProtos.Record.newBuilder()
                .putFeatures("values", RecordProtos.Value.newBuilder().setInt32Tensor(
                        RecordProtos.Int32Tensor.newBuilder().addValues(5).addValues(-7)).build())
                .putLabel("values", RecordProtos.Value.newBuilder().setFloat64Tensor(
                        RecordProtos.Float64Tensor.newBuilder().addValues(1.25).addValues(2.5)).build())
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out, RecordProtobufWriteOptions.defaults())) {
            RecordMessages.write(w, rec);
            w.commit();
        }
        LabeledRow row = read(out.toByteArray()).get(0);
        assertEquals(ValueType.FLOAT64, row.valueType());
        assertArrayEquals(new double[] {5, -7}, row.dense().toDoubleArray());
        assertTrue(row.isMultiLabel());
        assertEquals(2.5, row.label(1));
    }

    @Test
    void aRecordWithoutFeaturesIsAFormatErrorWithItsPosition() throws IOException {
        RecordProtos.Record rec = RecordProtos.Record.newBuilder()
                .putLabel("values", RecordProtos.Value.newBuilder().setFloat32Tensor(
                        RecordProtos.Float32Tensor.newBuilder().addValues(1f)).build())
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out, RecordProtobufWriteOptions.defaults())) {
            w.writeDense(new float[] {1}, 0);
            RecordMessages.write(w, rec);
            w.commit();
        }
        try (RecordProtobufReader r = RecordProtobufReader.open(ByteSources.of(out.toByteArray()).input(),
                RecordProtobufReadOptions.defaults())) {
            assertTrue(r.next());
            long second = r.framing().position().byteOffset();
            assertEquals(0, second);
            assertTrue(r.next());
            UncheckedIOException e = assertThrows(UncheckedIOException.class, r::currentRow);
            FormatException f = (FormatException) e.getCause();
            assertEquals(1, f.position().recordIndex());
            assertTrue(f.position().byteOffset() > 0);
            assertTrue(f.getMessage().contains("no features"), f.getMessage());
        }
    }
}

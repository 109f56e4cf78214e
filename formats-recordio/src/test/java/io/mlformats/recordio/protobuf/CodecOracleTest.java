package io.mlformats.recordio.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.recordio.RecordIoReadOptions;
import io.mlformats.recordio.RecordIoReader;
import io.mlformats.recordio.RecordIoWriteOptions;
import io.mlformats.recordio.protobuf.generated.RecordProtos;
import io.mlformats.testkit.AllocationMeter;
import io.mlformats.testkit.Seeds;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written codec against protobuf-java (the generated classes are the oracle): decoding protobuf-java's
 * bytes gives the message's content, and our encoding of the same content is {@code message.toByteArray()}.
 */
class CodecOracleTest {
    static final RecordProtobufWriteOptions UNSPLIT = RecordProtobufWriteOptions.defaults()
            .withFraming(RecordIoWriteOptions.defaults().withSplitOnMagic(false).withBufferBytes(4096));

    @Test
    void arbitraryRecordsAgreeInBothDirections() throws Exception {
        long base = Seeds.base();
        RecordView view = new RecordView();
        for (int c = 0; c < 3000; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            RecordProtos.Record msg = RecordGen.record(r);
            checkAgreement(msg, view, Seeds.describe(base, c));
        }
    }

    static void checkAgreement(RecordProtos.Record msg, RecordView view, String what) throws Exception {
        byte[] bytes = msg.toByteArray();
        // decode at a non-zero, unaligned offset of a larger buffer
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        view.decode(ByteBuffer.wrap(padded), 3, bytes.length);
        assertMatches(msg, view, what);
        assertEquals(msg, RecordMessages.toMessage(view), what + " toMessage");
        assertArrayEquals(bytes, encode(view), what + " encode(view) == toByteArray");
        assertArrayEquals(bytes, encodeMessage(msg), what + " write(message)");
    }

    static byte[] encode(RecordView v) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out, UNSPLIT)) {
            w.write(v);
            w.commit();
        }
        return payload(out.toByteArray());
    }

    static byte[] encodeMessage(RecordProtos.Record m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out, UNSPLIT)) {
            RecordMessages.write(w, m);
            w.commit();
        }
        return payload(out.toByteArray());
    }

    static byte[] payload(byte[] file) throws Exception {
        try (RecordIoReader r = RecordIoReader.open(ByteSources.of(file).input(), RecordIoReadOptions.defaults())) {
            r.next();
            return r.payloadBytes();
        }
    }

    /** Field-by-field comparison through the view's own accessors (independent of RecordMessages). */
    static void assertMatches(RecordProtos.Record m, RecordView v, String what) {
        assertEquals(m.getFeaturesCount(), v.featureCount(), what + " features");
        int i = 0;
        for (Map.Entry<String, RecordProtos.Value> e : m.getFeaturesMap().entrySet()) {
            assertEquals(e.getKey(), v.featureName(i), what + " feature name " + i);
            assertTrue(v.featureNameIs(i, e.getKey()));
            assertTensor(e.getValue(), v.feature(i), what + " feature " + e.getKey());
            assertNotNull(v.feature(e.getKey()));
            i++;
        }
        assertEquals(m.getLabelCount(), v.labelCount(), what + " labels");
        i = 0;
        for (Map.Entry<String, RecordProtos.Value> e : m.getLabelMap().entrySet()) {
            assertEquals(e.getKey(), v.labelName(i), what + " label name " + i);
            assertTensor(e.getValue(), v.label(i), what + " label " + e.getKey());
            i++;
        }
        assertEquals(m.hasUid() ? m.getUid() : null, v.uid(), what);
        assertEquals(m.hasMetadata() ? m.getMetadata() : null, v.metadata(), what);
        assertEquals(m.hasConfiguration() ? m.getConfiguration() : null, v.configuration(), what);
    }

    static void assertTensor(RecordProtos.Value value, TensorView t, String what) {
        switch (value.getValueCase()) {
            case FLOAT32_TENSOR: {
                RecordProtos.Float32Tensor f = value.getFloat32Tensor();
                assertEquals(TensorType.FLOAT32, t.type(), what);
                assertEquals(f.getValuesCount(), t.size(), what);
                float[] bulk = new float[t.size() + 1];
                t.copyTo(bulk, 1);
                java.nio.FloatBuffer fb = t.float32Buffer();
                for (int i = 0; i < f.getValuesCount(); i++) {
                    int bits = Float.floatToRawIntBits(f.getValues(i));
                    assertEquals(bits, Float.floatToRawIntBits(t.float32(i)), what + " value " + i);
                    assertEquals(bits, Float.floatToRawIntBits(bulk[i + 1]), what + " bulk " + i);
                    assertEquals(bits, Float.floatToRawIntBits(fb.get(i)), what + " buffer " + i);
                }
                assertLongs(f.getKeysList(), t, true, what);
                assertLongs(f.getShapeList(), t, false, what);
                break;
            }
            case FLOAT64_TENSOR: {
                RecordProtos.Float64Tensor f = value.getFloat64Tensor();
                assertEquals(TensorType.FLOAT64, t.type(), what);
                assertEquals(f.getValuesCount(), t.size(), what);
                double[] bulk = new double[t.size() + 3];
                t.copyTo(bulk, 3);
                for (int i = 0; i < f.getValuesCount(); i++) {
                    long bits = Double.doubleToRawLongBits(f.getValues(i));
                    assertEquals(bits, Double.doubleToRawLongBits(t.float64(i)), what + " value " + i);
                    assertEquals(bits, Double.doubleToRawLongBits(bulk[i + 3]), what + " bulk " + i);
                    assertEquals(bits, Double.doubleToRawLongBits(t.float64Buffer().get(i)), what + " buffer " + i);
                }
                assertLongs(f.getKeysList(), t, true, what);
                assertLongs(f.getShapeList(), t, false, what);
                break;
            }
            case INT32_TENSOR: {
                RecordProtos.Int32Tensor f = value.getInt32Tensor();
                assertEquals(TensorType.INT32, t.type(), what);
                assertEquals(f.getValuesCount(), t.size(), what);
                for (int i = 0; i < f.getValuesCount(); i++) {
                    assertEquals(f.getValues(i), t.int32(i), what + " value " + i);
                }
                assertLongs(f.getKeysList(), t, true, what);
                assertLongs(f.getShapeList(), t, false, what);
                break;
            }
            case BYTES: {
                RecordProtos.Bytes b = value.getBytes();
                assertEquals(TensorType.BYTES, t.type(), what);
                assertEquals(b.getValueCount(), t.size(), what);
                for (int i = 0; i < b.getValueCount(); i++) {
                    assertEquals(b.getValue(i).asReadOnlyByteBuffer(), t.bytes(i), what + " bytes " + i);
                }
                assertEquals(b.hasContentType() ? b.getContentType() : null, t.contentType(), what);
                break;
            }
            default:
                assertEquals(TensorType.NONE, t.type(), what);
        }
    }

    static void assertLongs(List<Long> expected, TensorView t, boolean keys, String what) {
        assertEquals(expected.size(), keys ? t.keyCount() : t.shapeSize(), what + (keys ? " keys" : " shape"));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals((long) expected.get(i), keys ? t.key(i) : t.shape(i), what + (keys ? " key " : " dim ") + i);
        }
    }

    // ---------------------------------------------------------------- fast-path rows vs protobuf-java

    @Test
    void denseAndSparseRowsEqualProtobufJavaSerialization() throws Exception {
        long base = Seeds.base();
        for (int c = 0; c < 2000; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            TensorType labelType = new TensorType[] {TensorType.FLOAT32, TensorType.FLOAT64, TensorType.INT32}[r.nextInt(3)];
            String fk = RecordGen.name(r);
            String lk = RecordGen.name(r);
            RecordProtobufWriteOptions o = UNSPLIT.withLabelType(labelType).withFeatureKey(fk).withLabelKey(lk);
            boolean hasLabel = r.nextBoolean();
            double label = labelType == TensorType.INT32 ? r.nextInt() : RecordGen.doubleValue(r);
            int n = r.nextInt(5) == 0 ? 0 : r.nextInt(200);
            RecordProtos.Record.Builder expect = RecordProtos.Record.newBuilder();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (RecordProtobufWriter w = RecordProtobufWriter.open(out, o)) {
                int kind = r.nextInt(6);
                int off = r.nextInt(3);
                if (kind == 0) {
                    float[] v = new float[n + off];
                    RecordProtos.Float32Tensor.Builder t = RecordProtos.Float32Tensor.newBuilder();
                    for (int i = 0; i < n; i++) {
                        v[off + i] = RecordGen.floatValue(r);
                        t.addValues(v[off + i]);
                    }
                    expect.putFeatures(fk, RecordProtos.Value.newBuilder().setFloat32Tensor(t).build());
                    if (hasLabel) {
                        w.writeDense(v, off, n, label);
                    } else {
                        w.writeDense(v, off, n);
                    }
                } else if (kind == 1) {
                    double[] v = new double[n + off];
                    RecordProtos.Float64Tensor.Builder t = RecordProtos.Float64Tensor.newBuilder();
                    for (int i = 0; i < n; i++) {
                        v[off + i] = RecordGen.doubleValue(r);
                        t.addValues(v[off + i]);
                    }
                    expect.putFeatures(fk, RecordProtos.Value.newBuilder().setFloat64Tensor(t).build());
                    if (hasLabel) {
                        w.writeDense(v, off, n, label);
                    } else {
                        w.writeDense(v, off, n);
                    }
                } else if (kind == 2) {
                    int[] v = new int[n + off];
                    RecordProtos.Int32Tensor.Builder t = RecordProtos.Int32Tensor.newBuilder();
                    for (int i = 0; i < n; i++) {
                        v[off + i] = r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(300) - 150;
                        t.addValues(v[off + i]);
                    }
                    expect.putFeatures(fk, RecordProtos.Value.newBuilder().setInt32Tensor(t).build());
                    if (hasLabel) {
                        w.writeDense(v, off, n, label);
                    } else {
                        w.writeDense(v, off, n);
                    }
                } else {
                    long dim = 1 + r.nextInt(r.nextBoolean() ? 100 : Integer.MAX_VALUE);
                    int[] keys = new int[n + off];
                    RecordProtos.Value.Builder vb = RecordProtos.Value.newBuilder();
                    if (kind == 5) {
                        long[] lkeys = new long[n + off];
                        float[] vals = new float[n + off];
                        RecordProtos.Float32Tensor.Builder t = RecordProtos.Float32Tensor.newBuilder();
                        for (int i = 0; i < n; i++) {
                            lkeys[off + i] = r.nextLong();
                            vals[off + i] = RecordGen.floatValue(r);
                            t.addValues(vals[off + i]).addKeys(lkeys[off + i]);
                        }
                        expect.putFeatures(fk, vb.setFloat32Tensor(t.addShape(dim)).build());
                        w.writeSparse(dim, lkeys, vals, off, n, hasLabel, label);
                    } else if (kind == 3) {
                        SparseVector sv = SparseVector.float32(n);
                        RecordProtos.Float32Tensor.Builder t = RecordProtos.Float32Tensor.newBuilder();
                        for (int i = 0; i < n; i++) {
                            int k = r.nextInt(Integer.MAX_VALUE);
                            float x = RecordGen.floatValue(r);
                            sv.append(k, x);
                            t.addValues(x).addKeys(k);
                        }
                        sv.setDimension(dim);
                        expect.putFeatures(fk, vb.setFloat32Tensor(t.addShape(dim)).build());
                        if (hasLabel) {
                            w.writeSparse(sv, label);
                        } else {
                            w.writeSparse(sv);
                        }
                    } else {
                        double[] vals = new double[n + off];
                        RecordProtos.Float64Tensor.Builder t = RecordProtos.Float64Tensor.newBuilder();
                        for (int i = 0; i < n; i++) {
                            keys[off + i] = r.nextInt(Integer.MAX_VALUE);
                            vals[off + i] = RecordGen.doubleValue(r);
                            t.addValues(vals[off + i]).addKeys(keys[off + i]);
                        }
                        expect.putFeatures(fk, vb.setFloat64Tensor(t.addShape(dim)).build());
                        if (hasLabel) {
                            w.writeSparse(dim, keys, vals, off, n, label);
                        } else {
                            w.writeSparse(dim, keys, vals, off, n);
                        }
                    }
                }
                w.commit();
            }
            if (hasLabel) {
                RecordProtos.Value.Builder lv = RecordProtos.Value.newBuilder();
                if (labelType == TensorType.FLOAT32) {
                    lv.setFloat32Tensor(RecordProtos.Float32Tensor.newBuilder().addValues((float) label));
                } else if (labelType == TensorType.FLOAT64) {
                    lv.setFloat64Tensor(RecordProtos.Float64Tensor.newBuilder().addValues(label));
                } else {
                    lv.setInt32Tensor(RecordProtos.Int32Tensor.newBuilder().addValues((int) label));
                }
                expect.putLabel(lk, lv.build());
            }
            assertArrayEquals(expect.build().toByteArray(), payload(out.toByteArray()), Seeds.describe(base, c));
        }
    }

    @Test
    void intLabelsMustBeIntegral() throws Exception {
        try (RecordProtobufWriter w = RecordProtobufWriter.open(new ByteArrayOutputStream(), UNSPLIT.withLabelType(TensorType.INT32))) {
            assertThrows(IllegalArgumentException.class, () -> w.writeDense(new float[] {1}, 1.5));
            assertThrows(IllegalArgumentException.class, () -> w.writeSparse(0, new int[0], new float[0], 0, 0));
            assertThrows(IllegalArgumentException.class, () -> w.writeSparse(5, new int[] {-1}, new float[] {1}, 0, 1));
            w.commit();
        }
    }

    // ---------------------------------------------------------------- non-canonical encodings

    @Test
    void nonCanonicalEncodingsDecodeAsProtobufJavaParsesThem() throws Exception {
        long base = Seeds.base();
        RecordView view = new RecordView();
        for (int c = 0; c < 500; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            byte[] bytes = nonCanonical(r);
            RecordProtos.Record parsed = RecordProtos.Record.parseFrom(bytes);
            view.decode(ByteBuffer.wrap(bytes), 0, bytes.length);
            assertEquals(parsed, RecordMessages.toMessage(view), Seeds.describe(base, c));
            assertMatches(parsed, view, Seeds.describe(base, c));
            // re-encoding canonicalises exactly as protobuf-java does
            assertArrayEquals(parsed.toByteArray(), encode(view), Seeds.describe(base, c));
        }
    }

    /** A record with unpacked values, split packed runs, repeated (merged) Values and oneof switches. */
    static byte[] nonCanonical(SplittableRandom r) throws Exception {
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        CodedOutputStream e = CodedOutputStream.newInstance(entry);
        e.writeString(1, "values");
        int pieces = 1 + r.nextInt(4);
        for (int p = 0; p < pieces; p++) {
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            CodedOutputStream v = CodedOutputStream.newInstance(value);
            int kind = r.nextInt(3);
            ByteArrayOutputStream tensor = new ByteArrayOutputStream();
            CodedOutputStream t = CodedOutputStream.newInstance(tensor);
            int runs = 1 + r.nextInt(3);
            for (int k = 0; k < runs; k++) {
                int n = r.nextInt(6);
                if (r.nextBoolean()) {
                    for (int i = 0; i < n; i++) {
                        if (kind == 0) {
                            t.writeFloat(1, RecordGen.floatValue(r));
                        } else if (kind == 1) {
                            t.writeDouble(1, RecordGen.doubleValue(r));
                        } else {
                            t.writeInt32(1, r.nextInt());
                        }
                        t.writeUInt64(2, r.nextLong());
                    }
                } else {
                    int size = kind == 0 ? 4 * n : kind == 1 ? 8 * n : 0;
                    int[] ints = new int[n];
                    for (int i = 0; i < n; i++) {
                        ints[i] = r.nextInt();
                        size += kind == 2 ? CodedOutputStream.computeInt32SizeNoTag(ints[i]) : 0;
                    }
                    t.writeTag(1, 2);
                    t.writeUInt32NoTag(size);
                    for (int i = 0; i < n; i++) {
                        if (kind == 0) {
                            t.writeFloatNoTag(RecordGen.floatValue(r));
                        } else if (kind == 1) {
                            t.writeDoubleNoTag(RecordGen.doubleValue(r));
                        } else {
                            t.writeInt32NoTag(ints[i]);
                        }
                    }
                }
                t.writeUInt64(3, r.nextInt(100));
            }
            t.flush();
            v.writeByteArray(kind == 0 ? 2 : kind == 1 ? 3 : 7, tensor.toByteArray());
            v.flush();
            e.writeByteArray(2, value.toByteArray());
        }
        e.flush();
        ByteArrayOutputStream rec = new ByteArrayOutputStream();
        CodedOutputStream o = CodedOutputStream.newInstance(rec);
        o.writeByteArray(1, entry.toByteArray());
        if (r.nextBoolean()) {
            o.writeString(3, "first");
            o.writeString(3, "second wins");
        }
        o.flush();
        return rec.toByteArray();
    }

    @Test
    void unknownFieldsAndGroupsAreSkipped() throws Exception {
        ByteArrayOutputStream rec = new ByteArrayOutputStream();
        CodedOutputStream o = CodedOutputStream.newInstance(rec);
        o.writeUInt64(9, 12345);
        o.writeTag(10, 3); // group 10 { field 1 varint, nested group 11 {} }
        o.writeUInt64(1, 7);
        o.writeTag(11, 3);
        o.writeTag(11, 4);
        o.writeTag(10, 4);
        o.writeFixed32(12, 1);
        o.writeFixed64(13, 2);
        o.writeString(3, "u");
        o.flush();
        byte[] bytes = rec.toByteArray();
        RecordView v = RecordView.parse(bytes);
        assertEquals("u", v.uid());
        assertEquals(0, v.featureCount());
        assertEquals(RecordProtos.Record.parseFrom(bytes).getUid(), v.uid());
    }

    @Test
    void malformedPayloadsFailWithTheOffset() {
        byte[][] bad = {
            {0x0A, 0x05, 0x0A}, // entry length beyond the record
            {0x0A, 0x04, 0x12, 0x02, 0x12, 0x05}, // tensor length beyond the value
            {0x0A, 0x06, 0x12, 0x04, 0x12, 0x02, 0x0A, 0x03}, // packed floats length beyond the tensor
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01},
            {0x0B}, // start group without end
            {0x0C}, // end group at top level
            {0x0E}, // wire type 6
            {0x00}, // field 0
        };
        for (byte[] b : bad) {
            FormatException e = assertThrows(FormatException.class, () -> RecordView.parse(b), java.util.Arrays.toString(b));
            assertTrue(e.position().byteOffset() >= 0 && e.position().byteOffset() <= b.length);
            assertThrows(InvalidProtocolBufferException.class, () -> RecordProtos.Record.parseFrom(b), "protobuf-java agrees");
        }
        FormatException e = assertThrows(FormatException.class, () -> RecordView.parse(new byte[] {0x0A, 0x06, 0x12, 0x04, 0x12, 0x02, 0x0A, 0x03}));
        assertTrue(e.getMessage().contains("payload byte 7"), e.getMessage());
    }

    @Test
    void decodingRowsAndCopyingValuesAllocatesNothingPerRecord() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        float[] row = new float[100];
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out, RecordProtobufWriteOptions.defaults())) {
            for (int i = 0; i < 20_000; i++) {
                row[i % 100] = i;
                w.writeDense(row, i % 2);
            }
            w.commit();
        }
        try (RecordProtobufReader r = RecordProtobufReader.open(ByteSources.of(out.toByteArray()).input(), RecordProtobufReadOptions.defaults())) {
            float[] dst = new float[100];
            r.next();
            r.current().features().copyTo(dst, 0);
            long before = AllocationMeter.allocatedBytes();
            double sum = 0;
            while (r.next()) {
                RecordView v = r.current();
                sum += v.features().copyTo(dst, 0) + v.label().float32(0) + dst[7];
            }
            long allocated = AllocationMeter.allocatedBytes() - before;
            assertTrue(sum > 0);
            assertTrue(allocated < 256 << 10, "allocated " + allocated);
        }
    }
}

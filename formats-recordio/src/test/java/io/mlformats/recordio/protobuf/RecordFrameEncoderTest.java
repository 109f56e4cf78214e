package io.mlformats.recordio.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.ValueType;
import io.mlformats.recordio.RecordIoFormat;
import io.mlformats.recordio.RecordIoWriteOptions;
import io.mlformats.recordio.protobuf.generated.RecordProtos;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecordFrameEncoderTest {
    private static final float MAGIC_FLOAT = Float.intBitsToFloat(RecordIoFormat.MAGIC);

    /** One row in every shape the encoder takes, written by both the writer and the encoder. */
    private interface Row {
        void write(RecordProtobufWriter w) throws IOException;

        int encode(RecordFrameEncoder e);
    }

    private static Row[] rows(SplittableRandom r) {
        int n = r.nextInt(0, 6);
        float[] f = new float[n + 1];
        double[] d = new double[n + 1];
        int[] ints = new int[n + 1];
        int[] keys = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            f[i] = r.nextInt(4) == 0 ? MAGIC_FLOAT : (float) r.nextGaussian();
            d[i] = r.nextGaussian();
            ints[i] = r.nextInt(-1000, 1000);
            keys[i] = i * 3 + r.nextInt(3);
        }
        double label = r.nextInt(3);
        long dim = 3L * (n + 2);
        return new Row[] {
            new Row() {
                public void write(RecordProtobufWriter w) throws IOException {
                    w.writeDense(f, 1, n, label);
                }

                public int encode(RecordFrameEncoder e) {
                    return e.dense(f, 1, n, true, label);
                }
            },
            new Row() {
                public void write(RecordProtobufWriter w) throws IOException {
                    w.writeDense(d, 0, n);
                }

                public int encode(RecordFrameEncoder e) {
                    return e.dense(d, 0, n, false, 0);
                }
            },
            new Row() {
                public void write(RecordProtobufWriter w) throws IOException {
                    w.writeDense(ints, 0, n + 1, label);
                }

                public int encode(RecordFrameEncoder e) {
                    return e.dense(ints, 0, n + 1, true, label);
                }
            },
            new Row() {
                public void write(RecordProtobufWriter w) throws IOException {
                    w.writeSparse(dim, keys, f, 0, n, label);
                }

                public int encode(RecordFrameEncoder e) {
                    return e.sparse(dim, keys, f, 0, n, true, label);
                }
            },
            new Row() {
                public void write(RecordProtobufWriter w) throws IOException {
                    w.writeSparse(dim, keys, d, 1, n);
                }

                public int encode(RecordFrameEncoder e) {
                    return e.sparse(dim, keys, d, 1, n, false, 0);
                }
            },
        };
    }

    @Test
    void framesConcatenatedEqualTheWritersFile() throws IOException {
        for (boolean split : new boolean[] {true, false}) {
            for (TensorType labelType : new TensorType[] {TensorType.FLOAT32, TensorType.FLOAT64, TensorType.INT32}) {
                RecordProtobufWriteOptions o = RecordProtobufWriteOptions.defaults().withLabelType(labelType)
                        .withFraming(RecordIoWriteOptions.defaults().withSplitOnMagic(split).withBufferBytes(64));
                SplittableRandom r = new SplittableRandom(7);
                ByteArrayOutputStream file = new ByteArrayOutputStream();
                ByteArrayOutputStream frames = new ByteArrayOutputStream();
                RecordFrameEncoder enc = RecordFrameEncoder.of(o);
                int multiPart = 0;
                try (RecordProtobufWriter w = RecordProtobufWriter.open(file, o)) {
                    for (int i = 0; i < 60; i++) {
                        for (Row row : rows(r)) {
                            row.write(w);
                            int n = row.encode(enc);
                            assertEquals(n, enc.length());
                            assertEquals(0, n % 4, "frames are padded to 4 bytes");
                            multiPart += parts(enc.buffer(), n) > 1 ? 1 : 0;
                            frames.write(enc.buffer(), 0, n);
                        }
                    }
                    w.commit();
                }
                assertArrayEquals(file.toByteArray(), frames.toByteArray(), "split " + split + " " + labelType);
                if (split) {
                    assertTrue(multiPart > 0, "some payload held an aligned magic and was split");
                } else {
                    assertEquals(0, multiPart);
                }
            }
        }
    }

    @Test
    void aFrameParsesWithProtobufJava() throws IOException {
        RecordFrameEncoder enc = RecordFrameEncoder.of(RecordProtobufWriteOptions.defaults());
        int n = enc.sparse(10, new int[] {1, 7}, new float[] {0.5f, -2}, 0, 2, true, 1);
        ByteBuffer b = ByteBuffer.wrap(enc.buffer(), 0, n).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(RecordIoFormat.MAGIC, b.getInt());
        int len = b.getInt() & ((1 << 29) - 1);
        assertEquals(n, 8 + (len + 3) / 4 * 4);
        RecordProtos.Record rec = RecordProtos.Record.parseFrom(Arrays.copyOfRange(enc.buffer(), 8, 8 + len));
        RecordProtos.Float32Tensor t = rec.getFeaturesOrThrow("values").getFloat32Tensor();
        assertEquals(java.util.List.of(0.5f, -2f), t.getValuesList());
        assertEquals(java.util.List.of(1L, 7L), t.getKeysList());
        assertEquals(java.util.List.of(10L), t.getShapeList());
        assertEquals(1f, rec.getLabelOrThrow("values").getFloat32Tensor().getValues(0));
        assertArrayEquals(Arrays.copyOf(enc.buffer(), n), enc.toByteArray());
    }

    @Test
    void refusedRecordsLeaveTheEncoderUsable() {
        RecordFrameEncoder enc = RecordFrameEncoder.of(RecordProtobufWriteOptions.defaults()
                .withLabelType(TensorType.INT32));
        assertThrows(IllegalArgumentException.class, () -> enc.dense(new float[] {1}, 0, 1, true, 0.5));
        assertEquals(0, enc.length());
        assertThrows(IllegalArgumentException.class, () -> enc.sparse(0, new int[0], new float[0], 0, 0, false, 0));
        assertThrows(IllegalArgumentException.class, () -> enc.sparse(5, new int[] {-1}, new float[] {1}, 0, 1, true, 1));
        int n = enc.dense(new float[] {1}, 0, 1, true, 2);
        assertNotEquals(0, n);
        byte[] buffer = enc.buffer();
        enc.dense(new float[] {3}, 0, 1, true, 2);
        assertSame(buffer, enc.buffer(), "the buffer is reused");
        assertThrows(IllegalArgumentException.class,
                () -> RecordFrameEncoder.of(RecordProtobufWriteOptions.defaults().withGzip(true)));
    }

    @Test
    void labeledRowsAsTheWriterLaysThemOut() throws IOException {
        RecordProtobufWriteOptions o = RecordProtobufWriteOptions.defaults().withRowType(ValueType.FLOAT32);
        LabeledRow row = new LabeledRow();
        row.addLabel(1);
        row.setFeatures(DenseVector.ofFloat64(1, 2.5, 0));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(file, o)) {
            w.writeRow(row);
            w.commit();
        }
        RecordFrameEncoder enc = RecordFrameEncoder.of(o);
        assertArrayEquals(file.toByteArray(), Arrays.copyOf(enc.buffer(), enc.row(row)));
    }

    /** Number of dmlc parts in a frame. */
    private static int parts(byte[] b, int n) {
        ByteBuffer buf = ByteBuffer.wrap(b, 0, n).order(ByteOrder.LITTLE_ENDIAN);
        int parts = 0;
        while (buf.position() < n) {
            assertEquals(RecordIoFormat.MAGIC, buf.getInt());
            int len = buf.getInt() & ((1 << 29) - 1);
            buf.position(buf.position() + (len + 3) / 4 * 4);
            parts++;
        }
        return parts;
    }
}

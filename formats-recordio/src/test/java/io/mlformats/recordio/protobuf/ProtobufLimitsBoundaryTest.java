package io.mlformats.recordio.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.recordio.MultipartPolicy;
import io.mlformats.recordio.RecordIoReadOptions;
import io.mlformats.recordio.RecordIoReader;
import io.mlformats.recordio.protobuf.generated.RecordProtos;
import io.mlformats.testkit.AdversarialInputs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * RecordIO and RecordIO-protobuf limits at limit - 1, limit and limit + 1 (inclusive limits: the value equal to
 * the limit is read, one more is refused with a {@link LimitExceededException} at the record).
 */
class ProtobufLimitsBoundaryTest {
    private static final int LIMIT = 100;

    @Test
    void maxRecordBytesBoundsASinglePartPayload() throws IOException {
        for (int n : new int[] {LIMIT - 1, LIMIT, LIMIT + 1}) {
            byte[] file = cat(part(0, new byte[n]), part(0, new byte[3]));
            check(file, MultipartPolicy.DMLC, n, "record payload of " + n + " bytes");
        }
    }

    /** Under CONCAT the parts add up; under DMLC each join also counts the 4 magic bytes it puts back. */
    @Test
    void maxRecordBytesBoundsTheWholeOfAMultiPartRecord() throws IOException {
        for (int n : new int[] {LIMIT - 1, LIMIT, LIMIT + 1}) {
            byte[] concat = cat(part(1, new byte[40]), part(3, new byte[n - 40]), part(0, new byte[3]));
            check(concat, MultipartPolicy.CONCAT, n, "record payload of " + n + " bytes");
            byte[] dmlc = cat(part(1, new byte[40]), part(3, new byte[n - 44]), part(0, new byte[3]));
            check(dmlc, MultipartPolicy.DMLC, n, "record payload of " + n + " bytes");
        }
    }

    private static void check(byte[] file, MultipartPolicy policy, int n, String found) throws IOException {
        RecordIoReadOptions o = RecordIoReadOptions.defaults().withMultipart(policy)
                .withRead(ReadOptions.defaults().withLimits(ReadLimits.builder().maxRecordBytes(LIMIT).build()));
        for (ByteInput in : List.of(ByteSources.of(file).input(),
                ByteSources.stream(AdversarialInputs.chunked(file, 7), "s", ReadLimits.defaults()),
                ByteSources.stream(new ByteArrayInputStream(AdversarialInputs.gzip(file)), "s.gz",
                        ReadLimits.defaults()))) {
            try (RecordIoReader r = RecordIoReader.open(in, o)) {
                if (n <= LIMIT) {
                    assertTrue(r.next());
                    assertEquals(n, r.payloadLength());
                    assertTrue(r.next());
                    assertFalse(r.next());
                } else {
                    LimitExceededException e = assertThrows(LimitExceededException.class, r::next);
                    assertEquals("maxRecordBytes", e.limitName());
                    assertEquals(LIMIT, e.limitValue());
                    assertEquals(0, e.position().byteOffset());
                    assertEquals(0, e.position().recordIndex());
                    assertTrue(e.detail().startsWith(found + " exceeds the limit maxRecordBytes = 100"), e.detail());
                }
            }
        }
    }

    @Test
    void maxMapEntriesBoundsTheFeaturesAndTheLabelMap() throws IOException {
        int limit = 5;
        for (int n : new int[] {limit - 1, limit, limit + 1}) {
            RecordProtos.Record.Builder features = RecordProtos.Record.newBuilder();
            RecordProtos.Record.Builder labels = RecordProtos.Record.newBuilder();
            for (int i = 0; i < n; i++) {
                features.putFeatures("f" + i, floats(1));
                labels.putLabel("l" + i, floats(1));
            }
            ReadLimits limits = ReadLimits.builder().maxMapEntries(limit).build();
            for (RecordProtos.Record rec : List.of(features.build(), labels.build())) {
                byte[] payload = rec.toByteArray();
                // The second entry-sized field after the limit is where reading stops.
                int entryAt = 8 + payload.length / n * limit;
                readOne(payload, limits, n <= limit ? null : "maxMapEntries", entryAt,
                        view -> assertEquals(n, view.featureCount() + view.labelCount()));
            }
        }
    }

    /** Every per-tensor count: float32, float64 and int32 values (packed and not), byte strings, keys, shape. */
    @Test
    void maxArrayElementsBoundsEveryCountInATensor() throws IOException {
        int limit = 8;
        List<IntFunction<RecordProtos.Value>> tensors = List.of(
                ProtobufLimitsBoundaryTest::floats,
                n -> {
                    RecordProtos.Float64Tensor.Builder t = RecordProtos.Float64Tensor.newBuilder();
                    for (int i = 0; i < n; i++) {
                        t.addValues(i);
                    }
                    return RecordProtos.Value.newBuilder().setFloat64Tensor(t).build();
                },
                n -> {
                    RecordProtos.Int32Tensor.Builder t = RecordProtos.Int32Tensor.newBuilder();
                    for (int i = 0; i < n; i++) {
                        t.addValues(i);
                    }
                    return RecordProtos.Value.newBuilder().setInt32Tensor(t).build();
                },
                n -> {
                    RecordProtos.Bytes.Builder t = RecordProtos.Bytes.newBuilder();
                    for (int i = 0; i < n; i++) {
                        t.addValue(ByteString.copyFromUtf8("b" + i));
                    }
                    return RecordProtos.Value.newBuilder().setBytes(t).build();
                },
                n -> {
                    RecordProtos.Float32Tensor.Builder t = RecordProtos.Float32Tensor.newBuilder().addValues(1);
                    for (int i = 0; i < n; i++) {
                        t.addKeys(i);
                    }
                    return RecordProtos.Value.newBuilder().setFloat32Tensor(t).build();
                },
                n -> {
                    RecordProtos.Float32Tensor.Builder t = RecordProtos.Float32Tensor.newBuilder().addValues(1);
                    for (int i = 0; i < n; i++) {
                        t.addShape(1);
                    }
                    return RecordProtos.Value.newBuilder().setFloat32Tensor(t).build();
                });
        ReadLimits limits = ReadLimits.builder().maxArrayElements(limit).build();
        for (int k = 0; k < tensors.size(); k++) {
            for (int n : new int[] {limit - 1, limit, limit + 1}) {
                byte[] payload = RecordProtos.Record.newBuilder().putFeatures("values", tensors.get(k).apply(n))
                        .build().toByteArray();
                int kind = k;
                readOne(payload, limits, n <= limit ? null : "maxArrayElements", -1, view -> {
                    TensorView t = view.features();
                    assertEquals(n, kind == 4 ? t.keyCount() : kind == 5 ? t.shapeSize() : t.size());
                });
            }
        }
        // Unpacked float32 values add one at a time: the same bound.
        for (int n : new int[] {limit, limit + 1}) {
            ByteArrayOutputStream tensor = new ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                tensor.write(new byte[] {0x0D, 0, 0, (byte) 0x80, 0x3F}, 0, 5); // field 1, fixed32: 1.0f
            }
            // Record{features: {"values": Value{float32_tensor: <tensor>}}}, lengths below 128 so one byte each.
            byte[] t = tensor.toByteArray();
            byte[] value = cat(new byte[] {0x12, (byte) t.length}, t);
            byte[] entry = cat(new byte[] {0x0A, 6}, "values".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    new byte[] {0x12, (byte) value.length}, value);
            byte[] payload = cat(new byte[] {0x0A, (byte) entry.length}, entry);
            readOne(payload, limits, n <= limit ? null : "maxArrayElements", -1,
                    view -> assertEquals(n, view.features().size()));
        }
    }

    /** Unknown fields may be groups, skipped recursively: their nesting is bounded by maxNestingDepth. */
    @Test
    void maxNestingDepthBoundsNestedGroups() throws IOException {
        int limit = 6;
        ReadLimits limits = ReadLimits.builder().maxNestingDepth(limit).build();
        for (int n : new int[] {limit - 1, limit, limit + 1}) {
            byte[] payload = new byte[2 * n];
            java.util.Arrays.fill(payload, 0, n, (byte) 0x7B); // start group, field 15
            java.util.Arrays.fill(payload, n, 2 * n, (byte) 0x7C); // end group, field 15
            // The innermost group's start tag is read at payload byte n - 1; its check comes just after it.
            readOne(payload, limits, n <= limit ? null : "maxNestingDepth", 8 + n,
                    view -> assertEquals(0, view.featureCount()));
        }
    }

    private interface Check {
        void accept(RecordView view) throws IOException;
    }

    private static void readOne(byte[] payload, ReadLimits limits, String refusedBy, long at, Check ok)
            throws IOException {
        byte[] file = part(0, payload);
        RecordProtobufReadOptions o = RecordProtobufReadOptions.defaults()
                .withRead(ReadOptions.defaults().withMode(ReadMode.LENIENT).withLimits(limits));
        try (RecordProtobufReader r = RecordProtobufReader.open(ByteSources.of(file).input(), o)) {
            if (refusedBy == null) {
                assertTrue(r.next());
                ok.accept(r.current());
                assertEquals(0, r.stats().errors().size());
            } else {
                LimitExceededException e = assertThrows(LimitExceededException.class, r::next);
                assertEquals(refusedBy, e.limitName());
                assertEquals(0, e.position().recordIndex());
                assertTrue(e.position().byteOffset() >= 8 && e.position().byteOffset() < file.length, e.getMessage());
                if (at >= 0) {
                    assertEquals(at, e.position().byteOffset(), e.getMessage());
                }
            }
        }
    }

    private static RecordProtos.Value floats(int n) {
        RecordProtos.Float32Tensor.Builder t = RecordProtos.Float32Tensor.newBuilder();
        for (int i = 0; i < n; i++) {
            t.addValues(i);
        }
        return RecordProtos.Value.newBuilder().setFloat32Tensor(t).build();
    }

    /** One RecordIO part: header with {@code cflag} and the payload's length, payload, zero padding. */
    static byte[] part(int cflag, byte[] payload) {
        int lrec = cflag << 29 | payload.length;
        byte[] b = new byte[8 + (payload.length + 3 & ~3)];
        byte[] h = {0x0A, 0x23, (byte) 0xD7, (byte) 0xCE,
            (byte) lrec, (byte) (lrec >>> 8), (byte) (lrec >>> 16), (byte) (lrec >>> 24)};
        System.arraycopy(h, 0, b, 0, 8);
        System.arraycopy(payload, 0, b, 8, payload.length);
        return b;
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}

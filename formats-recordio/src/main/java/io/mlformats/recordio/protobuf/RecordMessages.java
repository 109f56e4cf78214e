package io.mlformats.recordio.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.mlformats.core.FormatException;
import io.mlformats.recordio.protobuf.generated.RecordProtos;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Conversion between {@link RecordView} and the protobuf-java classes generated from the SDK's
 * {@code record.proto} ({@link RecordProtos}). For interop with code that already uses protobuf messages; the
 * readers and writers never need it. Stateless; thread-safe.
 */
public final class RecordMessages {
    private RecordMessages() {
    }

    /**
     * Writes a protobuf-java message as one record of {@code writer}, serialized straight into the writer's buffer.
     * This interop path lives here, not on the writer, so that only code using protobuf-java messages needs
     * protobuf-java at run time.
     *
     * @param writer  the writer to append the record to
     * @param message the message to serialize; not retained
     * @throws IllegalArgumentException if the message is 2^29 bytes or more (RecordIO's limit)
     * @throws IOException              if the output failed
     */
    public static void write(RecordProtobufWriter writer, RecordProtos.Record message) throws IOException {
        int total = (int) RecordProtobufWriter.check(message.getSerializedSize());
        var out = writer.framing();
        int p = out.beginRecord(total);
        CodedOutputStream cos = CodedOutputStream.newInstance(out.buffer(), p, total);
        message.writeTo(cos);
        cos.checkNoSpaceLeft();
        out.endRecord();
    }

    /**
     * Builds the protobuf-java message holding the view's content (map entries in wire order).
     *
     * @param r a decoded record; read during the call only, so a reader's reused view may be passed
     * @return a new immutable message, independent of {@code r}'s buffer
     */
    public static RecordProtos.Record toMessage(RecordView r) {
        RecordProtos.Record.Builder b = RecordProtos.Record.newBuilder();
        for (int i = 0; i < r.featureCount(); i++) {
            b.putFeatures(r.featureName(i), toValue(r.feature(i)));
        }
        for (int i = 0; i < r.labelCount(); i++) {
            b.putLabel(r.labelName(i), toValue(r.label(i)));
        }
        if (r.hasUid()) {
            b.setUidBytes(bytes(r.payloadBuffer(), r.uidOffset(), r.uidLength()));
        }
        if (r.hasMetadata()) {
            b.setMetadataBytes(bytes(r.payloadBuffer(), r.metadataOffset(), r.metadataLength()));
        }
        if (r.hasConfiguration()) {
            b.setConfigurationBytes(bytes(r.payloadBuffer(), r.configurationOffset(), r.configurationLength()));
        }
        return b.build();
    }

    /**
     * A protobuf-java {@code Value} holding the tensor's content.
     *
     * @param t a decoded tensor; read during the call only
     * @return a new immutable {@code Value} with the tensor of {@code t}'s type, or an empty {@code Value} when
     *         {@code t} holds none
     */
    public static RecordProtos.Value toValue(TensorView t) {
        RecordProtos.Value.Builder v = RecordProtos.Value.newBuilder();
        switch (t.type()) {
            case FLOAT32: {
                RecordProtos.Float32Tensor.Builder f = RecordProtos.Float32Tensor.newBuilder();
                for (int i = 0; i < t.size(); i++) {
                    f.addValues(t.float32(i));
                }
                for (int i = 0; i < t.keyCount(); i++) {
                    f.addKeys(t.key(i));
                }
                for (int i = 0; i < t.shapeSize(); i++) {
                    f.addShape(t.shape(i));
                }
                return v.setFloat32Tensor(f).build();
            }
            case FLOAT64: {
                RecordProtos.Float64Tensor.Builder f = RecordProtos.Float64Tensor.newBuilder();
                for (int i = 0; i < t.size(); i++) {
                    f.addValues(t.float64(i));
                }
                for (int i = 0; i < t.keyCount(); i++) {
                    f.addKeys(t.key(i));
                }
                for (int i = 0; i < t.shapeSize(); i++) {
                    f.addShape(t.shape(i));
                }
                return v.setFloat64Tensor(f).build();
            }
            case INT32: {
                RecordProtos.Int32Tensor.Builder f = RecordProtos.Int32Tensor.newBuilder();
                for (int i = 0; i < t.size(); i++) {
                    f.addValues(t.int32(i));
                }
                for (int i = 0; i < t.keyCount(); i++) {
                    f.addKeys(t.key(i));
                }
                for (int i = 0; i < t.shapeSize(); i++) {
                    f.addShape(t.shape(i));
                }
                return v.setInt32Tensor(f).build();
            }
            case BYTES: {
                RecordProtos.Bytes.Builder f = RecordProtos.Bytes.newBuilder();
                for (int i = 0; i < t.size(); i++) {
                    f.addValue(ByteString.copyFrom(t.bytes(i)));
                }
                if (t.hasContentType()) {
                    f.setContentTypeBytes(bytes(t.buffer(), t.contentTypeOffset(), t.contentTypeLength()));
                }
                return v.setBytes(f).build();
            }
            default:
                return v.build();
        }
    }

    /**
     * A view of the message (serialized with protobuf-java, then decoded).
     *
     * @param message the message to convert
     * @return a new view over a fresh serialization of {@code message}, owned by the caller
     * @throws IllegalStateException if the decoder rejects protobuf-java's serialization (a bug)
     */
    public static RecordView toView(RecordProtos.Record message) {
        try {
            return RecordView.parse(message.toByteArray());
        } catch (FormatException e) {
            throw new IllegalStateException("protobuf-java produced bytes our decoder rejects", e);
        }
    }

    private static ByteString bytes(ByteBuffer b, int at, int n) {
        byte[] a = new byte[n];
        b.get(at, a, 0, n);
        return ByteString.copyFrom(a);
    }
}

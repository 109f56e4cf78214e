package io.mlformats.cli.handler;

import io.mlformats.jsonlines.internal.JsonTextWriter;
import io.mlformats.recordio.image.ImageRecord;
import io.mlformats.recordio.protobuf.RecordView;
import io.mlformats.recordio.protobuf.TensorType;
import io.mlformats.recordio.protobuf.TensorView;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The canonical {@code cat} forms of binary records.
 *
 * <p>RecordIO-protobuf: {@code {"features": {NAME: TENSOR, ..}, "label": {NAME: TENSOR, ..}, "uid": ..,
 * "metadata": .., "configuration": ..}} with every map entry in wire order and {@code TENSOR =
 * {"dtype": "float32", "shape": [..], "keys": [..], "values": [..]}} (shape and keys always present, possibly
 * empty; keys unsigned; float32 values in their shortest float32 text). A {@code Bytes} value prints
 * {@code {"dtype": "bytes", "content_type": .., "values": [base64, ..]}}. Absent uid/metadata/configuration are
 * left out.
 *
 * <p>MXNet image records: {@code {"flag": 0, "label": 1 (or a list when flag > 0), "id": .., "id2": ..,
 * "image_bytes": LENGTH, "image_sha256": HEX}}.
 */
final class RecordJson {
    private RecordJson() {
    }

    static void write(JsonTextWriter j, RecordView r) throws IOException {
        j.beginObject().key("features").beginObject();
        for (int i = 0; i < r.featureCount(); i++) {
            j.key(r.featureName(i));
            tensor(j, r.feature(i));
        }
        j.endObject().key("label").beginObject();
        for (int i = 0; i < r.labelCount(); i++) {
            j.key(r.labelName(i));
            tensor(j, r.label(i));
        }
        j.endObject();
        if (r.hasUid()) {
            j.key("uid").value(r.uid());
        }
        if (r.hasMetadata()) {
            j.key("metadata").value(r.metadata());
        }
        if (r.hasConfiguration()) {
            j.key("configuration").value(r.configuration());
        }
        j.endObject();
        j.endLine();
    }

    private static void tensor(JsonTextWriter j, TensorView t) {
        j.beginObject().key("dtype").value(t.type().name().toLowerCase(Locale.ROOT));
        if (t.type() == TensorType.BYTES) {
            if (t.hasContentType()) {
                j.key("content_type").value(t.contentType());
            }
            j.key("values").beginArray();
            for (int i = 0; i < t.size(); i++) {
                ByteBuffer b = t.bytes(i);
                byte[] copy = new byte[b.remaining()];
                b.get(copy);
                j.value(Base64.getEncoder().encodeToString(copy));
            }
            j.endArray().endObject();
            return;
        }
        j.key("shape").beginArray();
        for (int i = 0; i < t.shapeSize(); i++) {
            unsigned(j, t.shape(i));
        }
        j.endArray().key("keys").beginArray();
        for (int i = 0; i < t.keyCount(); i++) {
            unsigned(j, t.key(i));
        }
        j.endArray().key("values").beginArray();
        for (int i = 0; i < t.size(); i++) {
            switch (t.type()) {
                case FLOAT32 -> j.value(t.float32(i));
                case FLOAT64 -> j.value(t.float64(i));
                case INT32 -> j.value((long) t.int32(i));
                default -> throw new IllegalStateException();
            }
        }
        j.endArray().endObject();
    }

    private static void unsigned(JsonTextWriter j, long v) {
        if (v >= 0) {
            j.value(v);
        } else {
            j.rawValue(Long.toUnsignedString(v));
        }
    }

    static void write(JsonTextWriter j, ImageRecord r) throws IOException {
        j.beginObject().key("flag").value((long) r.flag());
        if (r.flag() == 0) {
            j.key("label").value(r.headerLabel());
        } else {
            j.key("label").beginArray();
            for (int i = 0; i < r.labelCount(); i++) {
                j.value(r.label(i));
            }
            j.endArray();
        }
        j.key("id");
        unsigned(j, r.id());
        j.key("id2");
        unsigned(j, r.id2());
        ByteBuffer img = r.image();
        j.key("image_bytes").value((long) img.remaining()).key("image_sha256").value(sha256(img));
        j.endObject();
        j.endLine();
    }

    private static String sha256(ByteBuffer b) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(b.duplicate());
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.mlformats.recordio;

import io.mlformats.testkit.Golden;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.recordio.image.ImageRecordReadOptions;
import io.mlformats.recordio.image.ImageRecordReader;
import io.mlformats.recordio.protobuf.RecordMessages;
import io.mlformats.recordio.protobuf.RecordProtobufReadOptions;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.recordio.protobuf.RecordView;
import io.mlformats.recordio.protobuf.generated.RecordProtos;
import io.mlformats.testkit.AdversarialInputs;
import io.mlformats.testkit.Seeds;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary and mutated bytes never make a reader throw anything but {@link FormatException} (the seeded cases
 * run in every build; the {@code @FuzzTest} targets run their corpus in every build and fuzz with JAZZER_FUZZ=1).
 */
class ArbitraryBytesTest {
    static final List<String> SEEDS = List.of("recordio/dense_f32_5x4_label_f32.pbr", "recordio/magic_in_payload_dmlc_multipart.pbr",
            "recordio/all_fields_and_responses.pbr", "recordio/sparse_csr_f32_6x10_label_f32.pbr", "recordio/images_with_magic.rec",
            "recordio/images_multi_label.rec", "recordio/seq2seq_int32_tokens.pbr");

    static final ReadLimits SMALL = ReadLimits.builder().maxRecordBytes(1 << 16).build();

    /** Reads {@code data} with every reader in every mode; only FormatException may escape. */
    static void readEverything(byte[] data) {
        for (ReadMode mode : ReadMode.values()) {
            for (ErrorPolicy policy : ErrorPolicy.values()) {
                for (MultipartPolicy mp : MultipartPolicy.values()) {
                    RecordIoReadOptions o = new RecordIoReadOptions(
                            ReadOptions.defaults().withMode(mode).withErrorPolicy(policy).withLimits(SMALL), mp);
                    drain(() -> RecordIoReader.open(ByteSources.of(data).input(), o));
                    drain(() -> RecordIoReader.open(ByteSources.stream(AdversarialInputs.chunked(data, 5)), o));
                    drain(() -> RecordProtobufReader.open(ByteSources.of(data).input(), new RecordProtobufReadOptions(o)));
                    drain(() -> ImageRecordReader.open(ByteSources.of(data).input(), new ImageRecordReadOptions(o)));
                    if (data.length > 0) {
                        int cut = Math.floorMod(data[0], data.length + 1);
                        drain(() -> RecordIoReader.open(ByteSources.seekable(ByteSources.of(data)), ByteRange.of(cut, data.length), o));
                    }
                }
            }
        }
    }

    interface Opener {
        io.mlformats.core.RecordReader<?> open() throws IOException;
    }

    static void drain(Opener opener) {
        try (io.mlformats.core.RecordReader<?> r = opener.open()) {
            int n = 0;
            while (r.next() && n++ < 10_000) {
                Object v = r.current();
                if (v instanceof RecordView rv) {
                    // touch the decoded content
                    RecordMessages.toMessage(rv);
                }
                if (v instanceof io.mlformats.recordio.image.ImageRecord ir) {
                    ir.imageBytes();
                    ir.copyLabels(new float[ir.labelCount()], 0);
                }
            }
        } catch (FormatException expected) {
            // the only acceptable failure
        } catch (IOException e) {
            throw new AssertionError("non-FormatException IOException", e);
        }
    }

    /** Our decoder and protobuf-java accept and reject the same payloads, and agree on what they accept. */
    static void decodeAgreesWithProtobufJava(byte[] payload) {
        RecordProtos.Record parsed;
        try {
            parsed = RecordProtos.Record.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            parsed = null;
        }
        RecordView view = new RecordView();
        try {
            view.decode(ByteBuffer.wrap(payload), 0, payload.length);
        } catch (FormatException e) {
            if (parsed != null) {
                throw new AssertionError("protobuf-java parses what we reject: " + e.getMessage());
            }
            return;
        }
        if (parsed == null) {
            throw new AssertionError("we accept what protobuf-java rejects");
        }
        if (!hasUnknownFields(parsed)) {
            assertEquals(parsed, RecordMessages.toMessage(view));
        }
    }

    static boolean hasUnknownFields(RecordProtos.Record r) {
        if (r.getUnknownFields().asMap().size() > 0) {
            return true;
        }
        for (RecordProtos.Value v : r.getFeaturesMap().values()) {
            if (hasUnknownFields(v)) {
                return true;
            }
        }
        for (RecordProtos.Value v : r.getLabelMap().values()) {
            if (hasUnknownFields(v)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasUnknownFields(RecordProtos.Value v) {
        return v.getUnknownFields().asMap().size() > 0 || v.getFloat32Tensor().getUnknownFields().asMap().size() > 0
                || v.getFloat64Tensor().getUnknownFields().asMap().size() > 0
                || v.getInt32Tensor().getUnknownFields().asMap().size() > 0
                || v.getBytes().getUnknownFields().asMap().size() > 0;
    }

    static byte[] mutate(byte[] seed, SplittableRandom r) {
        byte[] d = seed.clone();
        switch (r.nextInt(5)) {
            case 0:
                for (int k = 0; k < 1 + r.nextInt(4) && d.length > 0; k++) {
                    d[r.nextInt(d.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return d;
            case 1:
                return java.util.Arrays.copyOf(d, d.length == 0 ? 0 : r.nextInt(d.length));
            case 2:
                if (d.length > 0) {
                    d[r.nextInt(d.length)] = (byte) r.nextInt(256);
                }
                return d;
            case 3: {
                byte[] more = new byte[d.length + 1 + r.nextInt(8)];
                int at = r.nextInt(d.length + 1);
                System.arraycopy(d, 0, more, 0, at);
                System.arraycopy(d, at, more, more.length - (d.length - at), d.length - at);
                return more;
            }
            default: {
                byte[] rnd = new byte[r.nextInt(64)];
                r.nextBytes(rnd);
                return rnd;
            }
        }
    }

    @Test
    void seededMutationsOfGoldenFilesOnlyRaiseFormatExceptions() throws Exception {
        long base = Seeds.base();
        for (int c = 0; c < 400; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            byte[] seed = Golden.bytes(SEEDS.get(r.nextInt(SEEDS.size())));
            byte[] data = mutate(seed, r);
            try {
                readEverything(data);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(Seeds.describe(base, c), e);
            }
        }
    }

    @Test
    void seededMutationsOfPayloadsDecodeLikeProtobufJava() throws Exception {
        long base = Seeds.base();
        List<byte[]> payloads = new java.util.ArrayList<>();
        for (String s : SEEDS) {
            if (s.endsWith(".pbr")) {
                try (RecordIoReader r = RecordIoReader.open(Golden.path(s))) {
                    while (r.next()) {
                        payloads.add(r.payloadBytes());
                    }
                }
            }
        }
        for (int c = 0; c < 5000; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            byte[] data = mutate(payloads.get(r.nextInt(payloads.size())), r);
            try {
                decodeAgreesWithProtobufJava(data);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(Seeds.describe(base, c) + " " + java.util.HexFormat.of().formatHex(data), e);
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void fuzzReaders(byte[] data) {
        readEverything(data);
    }

    @FuzzTest(maxDuration = "30s")
    void fuzzDecoderAgainstProtobufJava(byte[] payload) {
        decodeAgreesWithProtobufJava(payload);
    }
}

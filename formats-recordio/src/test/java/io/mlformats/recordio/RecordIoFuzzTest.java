package io.mlformats.recordio;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.recordio.image.IdxIndex;
import io.mlformats.recordio.image.ImageRecordReadOptions;
import io.mlformats.recordio.image.ImageRecordReader;
import io.mlformats.recordio.image.LstFile;
import io.mlformats.recordio.protobuf.RecordProtobufReadOptions;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.testkit.AdversarialInputs;
import io.mlformats.testkit.FuzzChecks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Campaign targets for the RecordIO module (regression mode in every build; JAZZER_FUZZ=1 to fuzz): framing,
 * gzip-compressed framing, RecordIO-protobuf records, image records, {@code .idx} and {@code .lst}. Each checks
 * that only {@link FormatException} escapes and that a fail-fast and a skip-and-count read of the same bytes
 * agree ({@link FuzzChecks#noRecordLost}). The last input byte picks the options, the rest is the file.
 */
class RecordIoFuzzTest {
    /** Small limits: fuzz inputs are small, and a limit error is an outcome the invariants check too. */
    private static final ReadLimits LIMITS = ReadLimits.builder().maxRecordBytes(1 << 20).maxLineBytes(1 << 16)
            .maxArrayElements(1 << 16).maxDecompressedBytes(1 << 24).build();
    private static final List<Class<? extends Throwable>> DOCUMENTED = List.of(FormatException.class);

    /** Options for one run of a target, picked by the fuzzer's flag byte. */
    private record Pick(ReadMode mode, MultipartPolicy multipart, boolean stream) {
        static Pick of(int flags) {
            return new Pick((flags & 1) != 0 ? ReadMode.LENIENT : ReadMode.STRICT,
                    (flags & 2) != 0 ? MultipartPolicy.CONCAT : MultipartPolicy.DMLC, (flags & 4) != 0);
        }

        RecordIoReadOptions framing(boolean failFast) {
            return RecordIoReadOptions.defaults().withMultipart(multipart).withRead(ReadOptions.defaults()
                    .withMode(mode).withLimits(LIMITS)
                    .withErrorPolicy(failFast ? ErrorPolicy.FAIL_FAST : ErrorPolicy.SKIP_AND_COLLECT));
        }

        /** Random access over memory (views, no copies) or a chunked stream (the gzip/pipe path). */
        ByteInput input(byte[] data) throws IOException {
            return stream ? ByteSources.stream(AdversarialInputs.chunked(data, 5)) : ByteSources.of(data).input();
        }
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/recordio.dict")
    void framing(FuzzedDataProvider d) {
        Pick p = Pick.of(d.consumeByte());
        byte[] data = d.consumeRemainingAsBytes();
        FuzzChecks.noRecordLost("recordio " + p, failFast -> {
            return FuzzChecks.cursor(RecordIoReader.open(p.input(data), p.framing(failFast)));
        }, DOCUMENTED);
    }

    /** Gzip detected by content, as for files: the input is decompressed (and checked) before the framing. */
    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/recordio.dict")
    void gzipFraming(FuzzedDataProvider d) {
        Pick p = Pick.of(d.consumeByte());
        byte[] data = d.consumeRemainingAsBytes();
        FuzzChecks.noRecordLost("gzip recordio " + p, failFast -> {
            return FuzzChecks.cursor(RecordIoReader.open(ByteSources.input(ByteSources.of(data), LIMITS),
                    p.framing(failFast)));
        }, DOCUMENTED);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/recordio.dict")
    void protobufRecords(FuzzedDataProvider d) {
        Pick p = Pick.of(d.consumeByte());
        boolean rows = (d.consumeByte() & 1) != 0;
        byte[] data = d.consumeRemainingAsBytes();
        FuzzChecks.noRecordLost("recordio-protobuf " + p, failFast -> {
            RecordProtobufReader r = RecordProtobufReader.open(p.input(data),
                    RecordProtobufReadOptions.defaults().withFraming(p.framing(failFast)));
            // currentRow() decodes the tensors as the CLI and the converters do, after the record was delivered;
            // it documents its FormatException wrapped in an UncheckedIOException: only that may escape it.
            return FuzzChecks.cursor(r, () -> {
                boolean more = r.next();
                if (more && rows) {
                    try {
                        r.currentRow();
                    } catch (UncheckedIOException e) {
                        if (!(e.getCause() instanceof FormatException)) {
                            throw e;
                        }
                    }
                }
                return more;
            }, () -> r.stats().records(), () -> r.stats().skipped());
        }, DOCUMENTED);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/recordio.dict")
    void imageRecords(FuzzedDataProvider d) {
        Pick p = Pick.of(d.consumeByte());
        byte[] data = d.consumeRemainingAsBytes();
        FuzzChecks.noRecordLost("image records " + p, failFast -> {
            return FuzzChecks.cursor(ImageRecordReader.open(p.input(data),
                    ImageRecordReadOptions.defaults().withFraming(p.framing(failFast))));
        }, DOCUMENTED);
    }

    /**
     * {@code .idx}: only FormatException (malformed text included) escapes, and a file that reads has one entry
     * per line, each found again by its key.
     */
    @FuzzTest
    void idxIndex(byte[] data) throws IOException {
        Path f = Files.createTempFile("fuzz", ".idx");
        try {
            Files.write(f, data);
            IdxIndex idx;
            try {
                idx = IdxIndex.read(f);
            } catch (FormatException expected) {
                return;
            }
            if (idx.size() != lines(data)) {
                throw new AssertionError(idx.size() + " entries from " + lines(data) + " line(s)");
            }
            for (int i = 0; i < idx.size(); i++) {
                if (idx.offsetOf(idx.key(i)) < 0) {
                    throw new AssertionError("key " + idx.key(i) + " of entry " + i + " not found");
                }
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /**
     * {@code .lst}: only FormatException escapes; the lenient read drops exactly the lines the strict read would
     * fail on: if it keeps every line, the strict read succeeds with the same entries.
     */
    @FuzzTest
    void lstFile(byte[] data) throws IOException {
        Path f = Files.createTempFile("fuzz", ".lst");
        try {
            Files.write(f, data);
            List<LstFile.Entry> lenient;
            try {
                lenient = LstFile.read(f, ReadMode.LENIENT);
            } catch (FormatException expected) {
                return; // undecodable text: both modes refuse the file
            }
            List<LstFile.Entry> strict = null;
            try {
                strict = LstFile.read(f, ReadMode.STRICT);
            } catch (FormatException expected) {
                // checked below
            }
            if (strict != null ? !strict.equals(lenient) : lenient.size() == lines(data)) {
                throw new AssertionError("strict " + strict + " vs lenient " + lenient + " of " + lines(data)
                        + " line(s)");
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** Lines as {@link BufferedReader#readLine()} counts them (the readers' own line splitting). */
    private static long lines(byte[] data) throws IOException {
        try (BufferedReader r = new BufferedReader(new StringReader(new String(data, StandardCharsets.UTF_8)))) {
            return r.lines().count();
        }
    }
}

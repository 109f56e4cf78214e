package io.mlformats.jsonlines;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.ManifestReadOptions;
import io.mlformats.object2vec.Object2VecHyperparameters;
import io.mlformats.object2vec.Object2VecReadOptions;
import io.mlformats.object2vec.Object2VecReader;
import io.mlformats.testkit.AdversarialInputs;
import io.mlformats.testkit.FuzzChecks;
import java.io.IOException;
import java.util.List;

/**
 * Campaign targets for the JSON Lines readers (regression mode in every build; JAZZER_FUZZ=1 to fuzz): DeepAR,
 * Object2Vec, BlazingText and augmented manifests. Each checks that only {@link FormatException} escapes and that a
 * fail-fast and a skip-and-count read of the same bytes agree ({@link FuzzChecks#noRecordLost}). The last input
 * byte picks the options (mode, stream or memory, and a reader-specific choice); the rest is the file.
 */
class JsonLinesReadersFuzzTest {
    /** Small limits: fuzz inputs are small, and a limit error is an outcome the invariants check too. */
    private static final ReadLimits LIMITS = ReadLimits.builder().maxLineBytes(1 << 16).maxArrayElements(1 << 16)
            .maxNestingDepth(32).maxDecompressedBytes(1 << 24).build();
    private static final List<Class<? extends Throwable>> DOCUMENTED = List.of(FormatException.class);

    /** The options a flag byte picks. */
    private record Pick(ReadMode mode, boolean stream, boolean choice) {
        static Pick of(int flags) {
            return new Pick((flags & 1) != 0 ? ReadMode.LENIENT : ReadMode.STRICT, (flags & 2) != 0,
                    (flags & 4) != 0);
        }

        ReadOptions read(boolean failFast) {
            return ReadOptions.defaults().withMode(mode).withLimits(LIMITS)
                    .withErrorPolicy(failFast ? ErrorPolicy.FAIL_FAST : ErrorPolicy.SKIP_AND_COLLECT);
        }

        /** Memory (gzip detected by content, as for files) or a chunked stream. */
        ByteInput input(byte[] data) throws IOException {
            return stream ? ByteSources.stream(AdversarialInputs.chunked(data, 5))
                    : ByteSources.input(ByteSources.of(data), LIMITS);
        }
    }

    /** DeepAR training series; the choice keeps unknown fields. */
    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/jsonlines.dict")
    void deepAr(FuzzedDataProvider d) {
        Pick p = Pick.of(d.consumeByte());
        byte[] data = d.consumeRemainingAsBytes();
        FuzzChecks.noRecordLost("deepar " + p, failFast -> {
            return FuzzChecks.cursor(DeepArReader.open(p.input(data),
                    DeepArReadOptions.training().withRead(p.read(failFast)).withKeepExtraFields(p.choice())));
        }, DOCUMENTED);
    }

    /** Object2Vec pairs; the choice is training (label and both inputs required) or inference. */
    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/jsonlines.dict")
    void object2Vec(FuzzedDataProvider d) {
        Pick p = Pick.of(d.consumeByte());
        byte[] data = d.consumeRemainingAsBytes();
        Object2VecReadOptions base = p.choice()
                ? Object2VecReadOptions.training(Object2VecHyperparameters.classification(100, 5, 3))
                : Object2VecReadOptions.inference(Object2VecHyperparameters.unchecked());
        FuzzChecks.noRecordLost("object2vec " + p, failFast -> {
            return FuzzChecks.cursor(Object2VecReader.open(p.input(data), base.withRead(p.read(failFast))));
        }, DOCUMENTED);
    }

    /** BlazingText lines; the choice is supervised ({@code __label__}) or word2vec. */
    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/jsonlines.dict")
    void blazingText(FuzzedDataProvider d) {
        Pick p = Pick.of(d.consumeByte());
        byte[] data = d.consumeRemainingAsBytes();
        BlazingTextReadOptions base = p.choice() ? BlazingTextReadOptions.supervised()
                : BlazingTextReadOptions.word2vec();
        FuzzChecks.noRecordLost("blazingtext " + p, failFast -> {
            return FuzzChecks.cursor(BlazingTextReader.open(p.input(data), base.withRead(p.read(failFast))));
        }, DOCUMENTED);
    }

    /** Augmented manifests; the choice requires {@code source-ref} with Ground Truth's limits, else any record. */
    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/jsonlines.dict")
    void manifest(FuzzedDataProvider d) {
        Pick p = Pick.of(d.consumeByte());
        byte[] data = d.consumeRemainingAsBytes();
        ManifestReadOptions base = p.choice()
                ? ManifestReadOptions.attributes("source-ref").withGroundTruthLimits(true) : ManifestReadOptions.any();
        FuzzChecks.noRecordLost("manifest " + p, failFast -> {
            return FuzzChecks.cursor(AugmentedManifestReader.open(p.input(data), base.withRead(p.read(failFast))));
        }, DOCUMENTED);
    }
}

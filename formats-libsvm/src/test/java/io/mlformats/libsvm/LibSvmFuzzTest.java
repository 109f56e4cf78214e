package io.mlformats.libsvm;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.testkit.AdversarialInputs;
import io.mlformats.testkit.FuzzChecks;
import io.mlformats.core.vector.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer targets for the two LibSVM properties (regression mode in every build; JAZZER_FUZZ=1 to fuzz): arbitrary
 * bytes raise only FormatException (and parallel = sequential), and arbitrary valid rows round-trip bit for bit;
 * plus the campaign target {@link #noRecordLost}: a fail-fast and a skip-and-count read of the same bytes agree
 * ({@link FuzzChecks#noRecordLost}).
 */
class LibSvmFuzzTest {
    /** Small limits: fuzz inputs are small, and a limit error is an outcome the invariants check too. */
    static final ReadLimits LIMITS = ReadLimits.builder().maxLineBytes(1 << 16).maxRecordBytes(1 << 20)
            .maxArrayElements(1 << 16).build();

    /**
     * Campaign target: LibSVM over memory or a chunked stream, in either mode, with a zero, one or automatic
     * index base; the last input byte picks the options, the rest is the file.
     */
    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/libsvm.dict")
    void noRecordLost(FuzzedDataProvider d) {
        int flags = d.consumeByte() & 0xff;
        boolean stream = (flags & 32) != 0;
        IndexBase indexBase = IndexBase.values()[(flags & 3) % 3];
        // AUTO needs the whole input before the first row, which a stream does not give (documented refusal).
        LibSvmReadOptions o = LibSvmReadOptions.defaults()
                .withIndexBase(stream && indexBase == IndexBase.AUTO ? IndexBase.ZERO : indexBase)
                .withMode((flags & 4) != 0 ? ReadMode.LENIENT : ReadMode.STRICT).withMultiLabel((flags & 8) != 0)
                .withValueType((flags & 16) != 0 ? ValueType.FLOAT64 : ValueType.FLOAT32).withLimits(LIMITS);
        byte[] data = d.consumeRemainingAsBytes();
        FuzzChecks.noRecordLost("libsvm " + o + (stream ? " stream" : ""), failFast -> {
            return FuzzChecks.cursor(LibSvmReader.open(stream ? ByteSources.stream(AdversarialInputs.chunked(data, 7))
                    : ByteSources.of(data).input(), o.withErrorPolicy(failFast ? ErrorPolicy.FAIL_FAST
                    : ErrorPolicy.SKIP_AND_COLLECT)));
        }, List.of(FormatException.class));
    }

    @FuzzTest
    void arbitraryBytes(FuzzedDataProvider d) {
        LibSvmReadOptions o = LibSvmReadOptions.defaults()
                .withIndexBase(d.pickValue(IndexBase.values()))
                .withMode(d.consumeBoolean() ? io.mlformats.core.ReadMode.STRICT : io.mlformats.core.ReadMode.LENIENT)
                .withErrorPolicy(d.consumeBoolean() ? io.mlformats.core.ErrorPolicy.FAIL_FAST
                        : io.mlformats.core.ErrorPolicy.SKIP_AND_COLLECT)
                .withMultiLabel(d.consumeBoolean())
                .withValueType(d.consumeBoolean() ? ValueType.FLOAT32 : ValueType.FLOAT64);
        int threads = d.consumeInt(1, 4);
        LibSvmChecks.arbitraryInput(d.consumeRemainingAsBytes(), o, threads);
    }

    @FuzzTest
    void validRowsRoundTrip(FuzzedDataProvider d) throws IOException {
        RandomLibSvm.Shape s = new RandomLibSvm.Shape(d.consumeBoolean() ? ValueType.FLOAT32 : ValueType.FLOAT64,
                d.consumeBoolean() ? IndexBase.ZERO : IndexBase.ONE, d.consumeBoolean(), d.consumeBoolean(),
                d.consumeBoolean(), Integer.MAX_VALUE);
        List<LibSvmRow> rows = new ArrayList<>();
        for (int n = d.consumeInt(0, 8); n > 0; n--) {
            LibSvmRow row = new LibSvmRow(s.type());
            int nnz = d.consumeInt(0, 10);
            if (s.multiLabel()) {
                row.setMultiLabel();
                for (int k = d.consumeInt(nnz == 0 ? 1 : 0, 3); k > 0; k--) {
                    row.addLabel(finite(d.consumeDouble()));
                }
            } else {
                row.setLabel(finite(d.consumeDouble()));
                if (s.weights() && d.consumeBoolean()) {
                    row.setWeight(finite(d.consumeDouble()));
                }
            }
            if (s.qids() && d.consumeBoolean()) {
                row.setQid(d.consumeLong());
            }
            long idx = -1;
            for (int k = 0; k < nnz && idx < Integer.MAX_VALUE; k++) {
                idx = Math.min(Integer.MAX_VALUE, idx + 1 + d.consumeInt(0, 1 << 20));
                if (s.type() == ValueType.FLOAT32) {
                    float v = d.consumeFloat();
                    row.features().append((int) idx, Float.isFinite(v) ? v : 0f);
                } else {
                    row.features().append((int) idx, finite(d.consumeDouble()));
                }
            }
            rows.add(row);
        }
        LibSvmChecks.roundTrip(rows, s, "fuzz " + s);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}

package io.mlformats.libsvm.csv;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.core.vector.ValueType;
import io.mlformats.testkit.AdversarialInputs;
import io.mlformats.testkit.FuzzChecks;
import java.util.List;

/**
 * Campaign target for the SageMaker CSV reader (regression mode in every build; JAZZER_FUZZ=1 to fuzz): a
 * fail-fast and a skip-and-count read of the same bytes agree ({@link FuzzChecks#noRecordLost}), and only
 * {@link FormatException} escapes.
 */
class CsvFuzzTest {

    /** The last input byte picks label/weight/header/delimiter/mode/type/stream; the rest is the file. */
    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/csv.dict")
    void noRecordLost(FuzzedDataProvider d) {
        int flags = d.consumeByte() & 0xff;
        boolean label = (flags & 1) == 0;
        CsvReadOptions o = CsvReadOptions.defaults().withLabel(label).withWeight(label && (flags & 2) != 0)
                .withSkipHeader((flags & 4) != 0).withDelimiter((flags & 8) != 0 ? '\t' : ',')
                .withMode((flags & 16) != 0 ? ReadMode.LENIENT : ReadMode.STRICT)
                .withValueType((flags & 32) != 0 ? ValueType.FLOAT64 : ValueType.FLOAT32)
                .withLimits(ReadLimits.builder().maxLineBytes(1 << 16).maxArrayElements(1 << 16).build());
        boolean stream = (flags & 64) != 0;
        byte[] data = d.consumeRemainingAsBytes();
        FuzzChecks.noRecordLost("csv " + o + (stream ? " stream" : ""), failFast -> {
            return FuzzChecks.cursor(CsvReader.open(stream ? ByteSources.stream(AdversarialInputs.chunked(data, 7))
                    : ByteSources.of(data).input(), o.withErrorPolicy(failFast ? ErrorPolicy.FAIL_FAST
                    : ErrorPolicy.SKIP_AND_COLLECT)));
        }, List.of(FormatException.class));
    }
}

package io.mlformats.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlformats.core.ByteSources;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.testkit.AdversarialInputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Jazzer target: arbitrary bytes, arbitrary split point: streaming and in-place scanning agree. */
class LineScannerFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void streamingAgreesWithInPlace(FuzzedDataProvider in) throws IOException {
        int split = in.consumeInt();
        byte[] data = in.consumeRemainingAsBytes();
        ReadLimits limits = ReadLimits.builder().maxLineBytes(64).build();
        List<String> inPlace = lines(new LineScanner(ByteSources.of(data).input(), limits), data);
        int cut = data.length == 0 ? 0 : Math.floorMod(split, data.length + 1);
        List<String> streamed = lines(new LineScanner(
                ByteSources.stream(AdversarialInputs.splitAt(data, cut), "s", limits), limits, 16), data);
        assertEquals(inPlace, streamed);
    }

    private static List<String> lines(LineScanner s, byte[] data) throws IOException {
        List<String> out = new ArrayList<>();
        try (s) {
            while (s.next()) {
                out.add(s.lineNumber() + "@" + s.lineOffset() + ":"
                        + new String(s.buffer(), s.start(), s.length(), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        } catch (LimitExceededException e) {
            out.add("limit@" + e.position().line() + ":" + e.position().byteOffset());
        }
        return out;
    }
}

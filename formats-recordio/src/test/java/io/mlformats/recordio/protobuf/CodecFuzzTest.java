package io.mlformats.recordio.protobuf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlformats.recordio.protobuf.generated.RecordProtos;
import java.util.SplittableRandom;

/**
 * Jazzer target: for a Record generated from the fuzzer's input, our decoder reads protobuf-java's bytes as the
 * message and our encoder reproduces {@code toByteArray()} (regression mode in every build; JAZZER_FUZZ=1 to fuzz).
 */
class CodecFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void codecAgreesWithProtobufJava(long seed, byte[] extraPayload) throws Exception {
        RecordProtos.Record msg = RecordGen.record(new SplittableRandom(seed));
        if (extraPayload != null && extraPayload.length > 0) {
            msg = msg.toBuilder().setMetadataBytes(com.google.protobuf.ByteString.copyFrom(extraPayload)).build();
        }
        CodecOracleTest.checkAgreement(msg, new RecordView(), "seed " + seed);
    }
}

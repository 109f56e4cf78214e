package io.mlformats.jsonlines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlformats.blazingtext.BlazingTextLine;
import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.blazingtext.BlazingTextWriter;
import io.mlformats.blazingtext.BlazingTextWriteOptions;
import io.mlformats.blazingtext.FastTextTokenizer;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ReadMode;
import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.deepar.DeepArSeries;
import io.mlformats.deepar.DeepArWriter;
import io.mlformats.deepar.DeepArWriteOptions;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.AugmentedManifestWriter;
import io.mlformats.manifest.ManifestWriteOptions;
import io.mlformats.manifest.ManifestReadOptions;
import io.mlformats.manifest.ManifestRecord;
import io.mlformats.object2vec.Object2VecHyperparameters;
import io.mlformats.object2vec.Object2VecPair;
import io.mlformats.object2vec.Object2VecReadOptions;
import io.mlformats.object2vec.Object2VecReader;
import io.mlformats.object2vec.Object2VecWriter;
import io.mlformats.object2vec.Object2VecWriteOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Jazzer targets for the properties of this module (regression mode in every build; fuzz with JAZZER_FUZZ=1):
 * hostile bytes, fast path vs Jackson, and write-then-read for each record type (records generated from the
 * fuzzer's seed).
 */
class JsonLinesFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void readersOnlyThrowFormatException(byte[] data) {
        HostileInputTest.readEverything(data, ReadMode.STRICT);
        HostileInputTest.readEverything(data, ReadMode.LENIENT);
    }

    @FuzzTest(maxDuration = "10s")
    void deepArFastPathAgreesWithJackson(byte[] line) throws IOException {
        byte[] oneLine = line.clone();
        for (int i = 0; i < oneLine.length; i++) {
            if (oneLine[i] == '\n') {
                oneLine[i] = ' ';
            }
        }
        assertEquals(io.mlformats.deepar.FastPathOracleAccess.read(oneLine, true),
                io.mlformats.deepar.FastPathOracleAccess.read(oneLine, false));
    }

    @FuzzTest(maxDuration = "10s")
    void deepArRoundTrip(FuzzedDataProvider data) throws IOException {
        DeepArSeries s = Generators.series(new SplittableRandom(data.consumeLong()), true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeepArWriter w = DeepArWriter.open(out, DeepArWriteOptions.defaults())) {
            w.write(s);
            w.commit();
        }
        try (DeepArReader r = DeepArReader.open(ByteSources.of(out.toByteArray(), "f").input(), DeepArReadOptions.training().withKeepExtraFields(true))) {
            r.next();
            assertEquals(s, r.current().copy());
        }
    }

    @FuzzTest(maxDuration = "10s")
    void object2VecRoundTrip(FuzzedDataProvider data) throws IOException {
        Object2VecPair p = Generators.pair(new SplittableRandom(data.consumeLong()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Object2VecWriter w = Object2VecWriter.open(out, Object2VecWriteOptions.defaults())) {
            w.write(p);
            w.commit();
        }
        try (Object2VecReader r = Object2VecReader.open(ByteSources.of(out.toByteArray()).input(), Object2VecReadOptions.inference(Object2VecHyperparameters.unchecked()))) {
            r.next();
            assertEquals(p, r.current().copy());
        }
    }

    @FuzzTest(maxDuration = "10s")
    void blazingTextRoundTrip(FuzzedDataProvider data) throws IOException {
        BlazingTextLine l = Generators.textLine(new SplittableRandom(data.consumeLong()),
                FastTextTokenizer.DEFAULT_LABEL_PREFIX);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BlazingTextWriter w = BlazingTextWriter.open(out, BlazingTextWriteOptions.defaults())) {
            w.write(l);
            w.commit();
        }
        try (BlazingTextReader r = BlazingTextReader.open(ByteSources.of(out.toByteArray()).input(), BlazingTextReadOptions.supervised())) {
            r.next();
            assertEquals(l, r.current().copy());
        }
    }

    @FuzzTest(maxDuration = "10s")
    void manifestRoundTrip(FuzzedDataProvider data) throws IOException {
        ManifestRecord m = Generators.manifest(new SplittableRandom(data.consumeLong()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AugmentedManifestWriter w = AugmentedManifestWriter.open(out, ManifestWriteOptions.defaults())) {
            w.write(m);
            w.commit();
        }
        try (AugmentedManifestReader r = AugmentedManifestReader.open(ByteSources.of(out.toByteArray()).input(), ManifestReadOptions.any())) {
            r.next();
            assertEquals(m, r.current().copy());
        }
    }
}

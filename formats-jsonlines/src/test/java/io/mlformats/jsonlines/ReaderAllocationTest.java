package io.mlformats.jsonlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.blazingtext.BlazingTextLineView;
import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.core.ByteSources;
import io.mlformats.deepar.DeepArForecastReadOptions;
import io.mlformats.deepar.DeepArForecastReader;
import io.mlformats.deepar.DeepArForecastView;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.ManifestReadOptions;
import io.mlformats.manifest.ManifestRecordView;
import io.mlformats.object2vec.Object2VecHyperparameters;
import io.mlformats.object2vec.Object2VecPairView;
import io.mlformats.object2vec.Object2VecReadOptions;
import io.mlformats.object2vec.Object2VecReader;
import io.mlformats.testkit.AllocationMeter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Steady-state {@code next()} + {@code current()} allocate nothing per record (ThreadMXBean, after two warm-up
 * passes): 100,000 records in less than 1 MB in total, for the readers whose views are reused: Object2Vec,
 * BlazingText, DeepAR forecasts, augmented manifests (DeepAR series: {@link JsonLinesZeroAllocationTest}).
 */
class ReaderAllocationTest {
    private static final int RECORDS = 100_000;
    private static final long BUDGET = 1_000_000;

    @FunctionalInterface
    interface Pass {
        long run(byte[] data) throws IOException;
    }

    private static long measure(byte[] data, Pass pass, long expected, String what) throws IOException {
        pass.run(data);
        pass.run(data);
        long before = AllocationMeter.allocatedBytes();
        long checksum = pass.run(data);
        long bytes = AllocationMeter.allocatedBytes() - before;
        assertEquals(expected, checksum, what);
        assertTrue(bytes < BUDGET, "reading " + RECORDS + " " + what + " allocated " + bytes + " bytes");
        return bytes;
    }

    @Test
    void object2VecPairs() throws IOException {
        StringBuilder sb = new StringBuilder();
        long expected = 0;
        for (int i = 0; i < RECORDS; i++) {
            boolean real = i % 3 == 0;
            sb.append("{\"label\": ").append(real ? (i % 10) + ".25" : String.valueOf(i % 5))
                    .append(", \"in0\": [").append(i % 100).append(", 7, 19, 3], \"in1\": [").append(i % 50)
                    .append(", 2]}\n");
            expected += 4 + 2 + i % 100 + 7 + 19 + 3 + i % 50 + 2;
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.US_ASCII);
        measure(data, d -> {
            long n = 0;
            try (Object2VecReader r = Object2VecReader.open(ByteSources.of(d, "o2v").input(),
                    Object2VecReadOptions.training(Object2VecHyperparameters.unchecked()))) {
                while (r.next()) {
                    Object2VecPairView p = r.current();
                    n += p.in0Length() + p.in1Length();
                    for (int k = 0; k < p.in0Length(); k++) {
                        n += p.in0Array()[k];
                    }
                    for (int k = 0; k < p.in1Length(); k++) {
                        n += p.in1Array()[k];
                    }
                    if (!p.hasLabel()) {
                        n = Long.MIN_VALUE;
                    }
                }
            }
            return n;
        }, expected, "Object2Vec pairs");
    }

    @Test
    void blazingTextLines() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < RECORDS; i++) {
            sb.append("__label__").append(i % 4).append(" the quick brown fox ").append(i % 10).append('\n');
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.US_ASCII);
        measure(data, d -> {
            long n = 0;
            try (BlazingTextReader r = BlazingTextReader.open(ByteSources.of(d, "bt").input(),
                    BlazingTextReadOptions.supervised())) {
                while (r.next()) {
                    BlazingTextLineView v = r.current();
                    n += v.labelCount() * 10L + v.wordCount();
                }
            }
            return n;
        }, RECORDS * 15L, "BlazingText lines");
    }

    @Test
    void deepArForecasts() throws IOException {
        StringBuilder sb = new StringBuilder();
        long expected = 0;
        for (int i = 0; i < RECORDS; i++) {
            int m = i % 100;
            sb.append("{\"quantiles\": {\"0.1\": [").append(m).append(".5, 2.25], \"0.9\": [7, 8.0]}, \"samples\": [[1, 2],")
                    .append(" [3, 4]], \"mean\": [").append(m).append(".25, 1e2]}\n");
            expected += 187 + 2L * m; // 10 for the lengths, then the values' integer parts
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.US_ASCII);
        measure(data, d -> {
            long n = 0;
            try (DeepArForecastReader r = DeepArForecastReader.open(ByteSources.of(d, "forecasts").input(),
                    DeepArForecastReadOptions.defaults())) {
                while (r.next()) {
                    DeepArForecastView f = r.current();
                    n += f.meanLength() + f.quantileLength(0) + f.quantileLength(1) + f.sampleCount() * 2L;
                    n += (long) f.meanArray()[0] + (long) f.meanArray()[1] + (long) f.quantileArray(0)[0]
                            + (long) f.quantileArray(0)[1] + (long) f.quantileArray(1)[0]
                            + (long) f.quantileArray(1)[1] + (long) (f.sampleArray(0)[1] + f.sampleArray(1)[1]) * 10;
                    if (!f.quantileLevel(1).equals("0.9") || f.quantileIndex("0.1") != 0) {
                        n = Long.MIN_VALUE;
                    }
                }
            }
            return n;
        }, expected, "DeepAR forecasts");
    }

    /** Lines of the shape Ground Truth writes: an S3 reference, a label and its metadata object. */
    static byte[] groundTruthLines() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < RECORDS; i++) {
            sb.append("{\"source-ref\": \"s3://bucket/images/").append(i).append(".jpg\", \"label\": ").append(i % 10)
                    .append(", \"label-metadata\": {\"class-name\": \"c").append(i % 10).append("\", \"confidence\": 0.")
                    .append(i % 97).append(", \"type\": \"groundtruth/image-classification\", \"human-annotated\": \"yes\",")
                    .append(" \"creation-date\": \"2020-10-18T22:18:13.527256\", \"job-name\": \"labeling-job/x\"}}\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void manifestLines() throws IOException {
        byte[] data = groundTruthLines();
        long expected = 0;
        for (int i = 0; i < RECORDS; i++) {
            expected += 3 + 2 + ("\"s3://bucket/images/" + i + ".jpg\"").length() + 1;
        }
        measure(data, d -> {
            long n = 0;
            try (AugmentedManifestReader r = AugmentedManifestReader.open(ByteSources.of(d, "manifest").input(),
                    ManifestReadOptions.attributes("source-ref", "label").withGroundTruthLimits(true))) {
                while (r.next()) {
                    ManifestRecordView v = r.current();
                    int ref = v.indexOf("source-ref");
                    int label = v.indexOf("label");
                    n += v.attributeCount() + (v.isString("source-ref") ? 1 : 0) + (v.isString("label") ? 0 : 1);
                    n += v.valueEnd(ref) - v.valueStart(ref) + v.valueEnd(label) - v.valueStart(label);
                    if (!v.name(2).equals("label-metadata") || v.buffer()[v.valueStart(2)] != '{') {
                        n = Long.MIN_VALUE;
                    }
                }
            }
            return n;
        }, expected, "augmented-manifest lines");
    }
}

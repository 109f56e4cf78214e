package io.mlformats.jsonlines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlformats.blazingtext.BlazingTextLine;
import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.blazingtext.BlazingTextWriter;
import io.mlformats.blazingtext.BlazingTextWriteOptions;
import io.mlformats.blazingtext.FastTextTokenizer;
import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ReadLimits;
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
import io.mlformats.testkit.AdversarialInputs;
import io.mlformats.testkit.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write then read gives the same values, bit for bit, for every record type; and a one-byte-per-read stream, a
 * multi-member gzip stream and a mapped file give the same records as a heap array.
 */
class RoundTripPropertiesTest {
    private static final int CASES = 300;

    interface Read<T> {
        List<T> read(ByteInput in) throws IOException;
    }

    static <T> void allSources(byte[] bytes, Read<T> read, List<T> expected, String what) throws IOException {
        assertEquals(expected, read.read(ByteSources.of(bytes).input()), what + " heap");
        ReadLimits l = ReadLimits.defaults();
        assertEquals(expected, read.read(ByteSources.stream(AdversarialInputs.oneBytePerRead(bytes), "s", l)),
                what + " one byte per read");
        assertEquals(expected, read.read(ByteSources.stream(AdversarialInputs.chunked(
                AdversarialInputs.gzipMembers(bytes, 3), 7), "gz", l)), what + " gzip members");
    }

    static List<DeepArSeries> deepAr(ByteInput in) throws IOException {
        List<DeepArSeries> out = new ArrayList<>();
        try (DeepArReader r = DeepArReader.open(in, DeepArReadOptions.training()
                .withDynamicFeatLength(io.mlformats.deepar.DynamicFeatLength.TARGET, 0).withKeepExtraFields(true))) {
            while (r.next()) {
                out.add(r.current().copy());
            }
        }
        return out;
    }

    @Test
    void deepArSeries() throws IOException {
        long base = Seeds.base();
        for (int c = 0; c < CASES; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            List<DeepArSeries> series = new ArrayList<>();
            for (int i = r.nextInt(1, 5); i > 0; i--) {
                series.add(Generators.series(r, true));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DeepArWriter w = DeepArWriter.open(out, DeepArWriteOptions.defaults())) {
                for (DeepArSeries s : series) {
                    w.write(s);
                }
                w.commit();
            }
            byte[] bytes = out.toByteArray();
            allSources(bytes, RoundTripPropertiesTest::deepAr, series, Seeds.describe(base, c));
            // and the view writer reproduces the same bytes
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            try (DeepArReader rd = DeepArReader.open(ByteSources.of(bytes, "b").input(), DeepArReadOptions.training().withKeepExtraFields(true));
                 DeepArWriter w = DeepArWriter.open(again, DeepArWriteOptions.defaults())) {
                while (rd.next()) {
                    w.write(rd.current());
                }
                w.commit();
            }
            assertEquals(new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                    again.toString(java.nio.charset.StandardCharsets.UTF_8), Seeds.describe(base, c));
        }
    }

    @Test
    void deepArFileGzipAndPlain(@TempDir Path dir) throws IOException {
        SplittableRandom r = Seeds.forCase(Seeds.base(), 0);
        List<DeepArSeries> series = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            series.add(Generators.series(r, false));
        }
        for (boolean gz : new boolean[] {false, true}) {
            Path f = dir.resolve(gz ? "s.json.gz" : "s.json");
            try (DeepArWriter w = DeepArWriter.open(f, DeepArWriteOptions.defaults().withGzip(gz))) {
                for (DeepArSeries s : series) {
                    w.write(s);
                }
                w.commit();
            }
            assertEquals(series, deepAr(ByteSources.open(f, ReadLimits.defaults())), "gzip " + gz);
        }
        // an aborted writer leaves nothing
        Path aborted = dir.resolve("aborted.json");
        DeepArWriter w = DeepArWriter.open(aborted, DeepArWriteOptions.defaults().withGzip(false));
        w.write(series.get(0));
        w.abort();
        assertEquals(List.of("s.json", "s.json.gz"), Files.list(dir).map(p -> p.getFileName().toString()).sorted()
                .toList());
    }

    static List<Object2VecPair> o2v(ByteInput in) throws IOException {
        List<Object2VecPair> out = new ArrayList<>();
        try (Object2VecReader r = Object2VecReader.open(in, Object2VecReadOptions.inference(
                Object2VecHyperparameters.unchecked()))) {
            while (r.next()) {
                out.add(r.current().copy());
            }
        }
        return out;
    }

    @Test
    void object2VecPairs() throws IOException {
        long base = Seeds.base();
        for (int c = 0; c < CASES; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            List<Object2VecPair> pairs = new ArrayList<>();
            for (int i = r.nextInt(1, 6); i > 0; i--) {
                pairs.add(Generators.pair(r));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Object2VecWriter w = Object2VecWriter.open(out, Object2VecWriteOptions.defaults())) {
                for (Object2VecPair p : pairs) {
                    w.write(p);
                }
                w.commit();
            }
            allSources(out.toByteArray(), RoundTripPropertiesTest::o2v, pairs, Seeds.describe(base, c));
        }
    }

    static List<BlazingTextLine> text(ByteInput in) throws IOException {
        List<BlazingTextLine> out = new ArrayList<>();
        try (BlazingTextReader r = BlazingTextReader.open(in, BlazingTextReadOptions.supervised())) {
            while (r.next()) {
                out.add(r.current().copy());
            }
        }
        return out;
    }

    @Test
    void blazingTextLines() throws IOException {
        long base = Seeds.base();
        for (int c = 0; c < CASES; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            List<BlazingTextLine> lines = new ArrayList<>();
            for (int i = r.nextInt(1, 6); i > 0; i--) {
                lines.add(Generators.textLine(r, FastTextTokenizer.DEFAULT_LABEL_PREFIX));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (BlazingTextWriter w = BlazingTextWriter.open(out, BlazingTextWriteOptions.defaults())) {
                for (BlazingTextLine l : lines) {
                    w.write(l);
                }
                w.commit();
            }
            allSources(out.toByteArray(), RoundTripPropertiesTest::text, lines, Seeds.describe(base, c));
        }
    }

    static List<ManifestRecord> manifest(ByteInput in) throws IOException {
        List<ManifestRecord> out = new ArrayList<>();
        try (AugmentedManifestReader r = AugmentedManifestReader.open(in, ManifestReadOptions.any())) {
            while (r.next()) {
                out.add(r.current().copy());
            }
        }
        return out;
    }

    @Test
    void manifestRecords() throws IOException {
        long base = Seeds.base();
        for (int c = 0; c < CASES; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            List<ManifestRecord> records = new ArrayList<>();
            for (int i = r.nextInt(1, 6); i > 0; i--) {
                records.add(Generators.manifest(r));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (AugmentedManifestWriter w = AugmentedManifestWriter.open(out, ManifestWriteOptions.defaults())) {
                for (ManifestRecord m : records) {
                    w.write(m);
                }
                w.commit();
            }
            allSources(out.toByteArray(), RoundTripPropertiesTest::manifest, records, Seeds.describe(base, c));
        }
    }
}

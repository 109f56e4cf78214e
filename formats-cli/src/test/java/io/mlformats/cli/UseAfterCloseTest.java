package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.core.ByteSources;
import io.mlformats.core.RecordReader;
import io.mlformats.core.TabularReader;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.deepar.DeepArForecastReadOptions;
import io.mlformats.deepar.DeepArForecastReader;
import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.libsvm.LibSvmReader;
import io.mlformats.libsvm.csv.CsvReadOptions;
import io.mlformats.libsvm.csv.CsvReader;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.object2vec.Object2VecReader;
import io.mlformats.parquet.DeepArParquetReader;
import io.mlformats.parquet.DeepArParquetSeries;
import io.mlformats.parquet.DeepArParquetWriter;
import io.mlformats.parquet.ParquetFeatureReader;
import io.mlformats.parquet.ParquetFeatureWriter;
import io.mlformats.recordio.RecordIoReadOptions;
import io.mlformats.recordio.RecordIoReader;
import io.mlformats.recordio.image.ImageRecordReader;
import io.mlformats.recordio.protobuf.RecordProtobufReadOptions;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.testkit.AdversarialInputs;
import io.mlformats.testkit.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 8: readers kept returning records after close() (the gzip one then failed with a
 * NullPointerException; a reader over a caller's input never noticed), and one reader shared by two threads
 * returned wrong counts or claimed corruption. Every reader of every module refuses use after close, and
 * next() from a second thread, with an IllegalStateException (one guard, core's internal ReaderGuard).
 */
class UseAfterCloseTest {

    @FunctionalInterface
    interface Opener {
        RecordReader<?> open() throws IOException;
    }

    @TempDir
    static Path dir;

    private static final Map<String, Opener> READERS = new LinkedHashMap<>();

    @BeforeAll
    static void readers() throws IOException {
        Path libsvm = Golden.path("libsvm/real/xgboost_agaricus.txt.train");
        byte[] libsvmBytes = Files.readAllBytes(libsvm);
        Path gz = Files.write(dir.resolve("train.libsvm.gz"), AdversarialInputs.gzip(libsvmBytes));
        Path csv = Files.writeString(dir.resolve("t.csv"), "1,2,3\n0,4,5\n1,6,7\n", StandardCharsets.US_ASCII);
        Path deepar = Golden.path("jsonlines/deepar/deepar_basic.jsonl");
        Path pbr = Golden.path("recordio/dense_f32_5x4_label_f32.pbr");
        Path forecasts = Files.writeString(dir.resolve("f.jsonl"),
                "{\"mean\": [1.0, 2.0]}\n{\"mean\": [3.0]}\n", StandardCharsets.US_ASCII);
        Path blazing = Files.writeString(dir.resolve("b.txt"), "__label__1 a b\n__label__2 c\n",
                StandardCharsets.US_ASCII);
        Path parquet = dir.resolve("t.parquet");
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(parquet)) {
            LabeledRow row = new LabeledRow();
            row.addLabel(1);
            row.setFeatures(SparseVector.ofFloat32(2, new int[] {0, 1}, new float[] {1f, 2f}));
            w.write(row);
            w.write(row);
            w.commit();
        }
        Path deeparParquet = dir.resolve("d.parquet");
        try (DeepArParquetWriter w = DeepArParquetWriter.open(deeparParquet)) {
            w.write(new DeepArParquetSeries("2020-01-01 00:00:00", new double[] {1, 2}, null, null));
            w.write(new DeepArParquetSeries("2020-01-02 00:00:00", new double[] {3}, null, null));
            w.commit();
        }
        READERS.put("libsvm", () -> LibSvmReader.open(libsvm));
        READERS.put("libsvm gzip", () -> LibSvmReader.open(gz));
        READERS.put("libsvm over a caller's input", () -> LibSvmReader.open(ByteSources.of(libsvmBytes).input(),
                LibSvmReadOptions.defaults().withIndexBase(io.mlformats.libsvm.IndexBase.ONE)));
        READERS.put("csv", () -> CsvReader.open(csv, CsvReadOptions.defaults()));
        READERS.put("csv over a caller's input", () -> CsvReader.open(
                ByteSources.of(Files.readAllBytes(csv)).input(), CsvReadOptions.defaults()));
        READERS.put("deepar", () -> DeepArReader.open(deepar));
        READERS.put("deepar gzip", () -> DeepArReader.open(Golden.path("jsonlines/deepar/deepar_basic.json.gz")));
        READERS.put("deepar over a caller's input", () -> DeepArReader.open(
                ByteSources.of(Files.readAllBytes(deepar)).input(), DeepArReadOptions.defaults()));
        READERS.put("deepar forecasts", () -> DeepArForecastReader.open(
                ByteSources.of(Files.readAllBytes(forecasts)).input(), DeepArForecastReadOptions.defaults()));
        READERS.put("object2vec", () -> Object2VecReader.open(
                Golden.path("jsonlines/object2vec/o2v_train_classification.jsonl")));
        READERS.put("augmented manifest", () -> AugmentedManifestReader.open(
                Golden.path("jsonlines/manifest/groundtruth_text_classification.manifest")));
        READERS.put("blazingtext", () -> BlazingTextReader.open(
                ByteSources.of(Files.readAllBytes(blazing)).input(), BlazingTextReadOptions.defaults()));
        READERS.put("recordio framing", () -> RecordIoReader.open(pbr));
        READERS.put("recordio framing over a caller's input", () -> RecordIoReader.open(
                ByteSources.of(Files.readAllBytes(pbr)).input(), RecordIoReadOptions.defaults()));
        READERS.put("recordio-protobuf", () -> RecordProtobufReader.open(pbr));
        READERS.put("recordio-protobuf over a caller's input", () -> RecordProtobufReader.open(
                ByteSources.of(Files.readAllBytes(pbr)).input(), RecordProtobufReadOptions.defaults()));
        READERS.put("image records", () -> ImageRecordReader.open(Golden.path("recordio/images_single_label.rec")));
        READERS.put("parquet features", () -> ParquetFeatureReader.open(parquet));
        READERS.put("parquet deepar", () -> DeepArParquetReader.open(deeparParquet));
    }

    @Test
    void everyReaderRefusesNextAndCurrentAfterClose() throws IOException {
        for (Map.Entry<String, Opener> e : READERS.entrySet()) {
            String what = e.getKey();
            RecordReader<?> r = e.getValue().open();
            assertTrue(r.next(), what + " has a first record");
            r.current();
            r.close();
            IllegalStateException next = assertThrows(IllegalStateException.class, r::next, what);
            assertTrue(next.getMessage().endsWith(" is closed: it returns no records after close()"),
                    what + ": " + next.getMessage());
            IllegalStateException current = assertThrows(IllegalStateException.class, r::current, what);
            assertEquals(next.getMessage(), current.getMessage(), what);
            if (r instanceof TabularReader<?> t) {
                assertThrows(IllegalStateException.class, t::currentRow, what);
            }
            r.close();   // idempotent
            assertThrows(IllegalStateException.class, r::next, what + ", closed twice");
        }
    }

    /** Reads every record of a fresh reader; the count to compare a misused reader with. */
    private static long count(Opener o) throws IOException {
        try (RecordReader<?> r = o.open()) {
            long n = 0;
            while (r.next()) {
                n++;
            }
            return n;
        }
    }

    @Test
    void nextFromASecondThreadIsRefusedAndTheOwnerReadsOn() throws Exception {
        for (String what : new String[] {"libsvm", "libsvm gzip", "csv", "deepar", "recordio-protobuf",
                "image records", "parquet features"}) {
            Opener o = READERS.get(what);
            long expected = count(o);
            try (RecordReader<?> r = o.open()) {
                assertTrue(r.next(), what);
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread other = new Thread(() -> {
                    try {
                        r.next();
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                }, "second-reader");
                other.start();
                other.join();
                IllegalStateException e = assertInstanceOf(IllegalStateException.class, failure.get(), what);
                assertTrue(e.getMessage().contains("is used from thread 'second-reader' but was first read in"
                        + " thread '" + Thread.currentThread().getName() + "': readers are not thread-safe"),
                        what + ": " + e.getMessage());
                long n = 1;
                while (r.next()) {
                    n++;
                }
                assertEquals(expected, n, what + ": the refused call changed nothing");
                assertTrue(n > 1, what);
            }
        }
    }

    @Test
    void aReaderOpenedInOneThreadIsReadInAnother() throws Exception {
        // The owner is the thread of the first next(), not of open(): handing a fresh reader to a worker is fine.
        RecordReader<?> r = READERS.get("libsvm").open();
        long expected = count(READERS.get("libsvm"));
        long[] n = new long[1];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try (r) {
                while (r.next()) {
                    n[0]++;
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        worker.start();
        worker.join();
        assertEquals(null, failure.get());
        assertEquals(expected, n[0]);
        assertFalse(expected == 0);
    }
}

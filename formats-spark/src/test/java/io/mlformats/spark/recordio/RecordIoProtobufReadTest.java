package io.mlformats.spark.recordio;

import static io.mlformats.spark.recordio.RecordIoTesting.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.recordio.RecordIoReader;
import io.mlformats.recordio.RecordIoWriter;
import io.mlformats.recordio.protobuf.RecordProtobufWriter;
import io.mlformats.spark.testing.SharedSpark;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class RecordIoProtobufReadTest {
    private static final int N = 500;
    private static final int PLANTED = 250;
    private static final int MAGIC = 0xCED7230A;

    @TempDir
    Path tmp;
    private Path file;

    /**
     * N records of 1..60 float32 features, features[0] = record number, label = record number; record PLANTED has
     * no label and 8 features (its floats start at payload offset 16, so 4-aligned) with the magic's bit pattern
     * planted at index 3: the writer (splitOnMagic) splits it into a dmlc multi-part record.
     */
    @BeforeEach
    void writeFile() throws IOException {
        file = tmp.resolve("data.pbr");
        try (RecordProtobufWriter w = RecordProtobufWriter.open(file)) {
            for (int i = 0; i < N; i++) {
                if (i == PLANTED) {
                    w.writeDense(planted());
                    continue;
                }
                float[] row = new float[(i * 7) % 60 + 1];
                for (int j = 0; j < row.length; j++) {
                    row[j] = i + j / 64f;
                }
                w.writeDense(row, i);
            }
            w.commit();
        }
    }

    private static float[] planted() {
        float[] row = {PLANTED, 1, 2, Float.intBitsToFloat(MAGIC), 4, 5, 6, 7};
        return row;
    }

    private static SparkSession spark() {
        return SharedSpark.session();
    }

    private void assertEveryRecordOnce(List<Row> rows) {
        assertEquals(N, rows.size());
        boolean[] seen = new boolean[N];
        for (Row r : rows) {
            Vector v = (Vector) r.get(1);
            int i = (int) v.apply(0);
            assertTrue(!seen[i], "record " + i + " read twice");
            seen[i] = true;
            if (i == PLANTED) {
                assertTrue(r.isNullAt(0));
                assertArrayEquals(toDoubles(planted()), v.toArray());
            } else {
                assertEquals(i, r.getDouble(0));
                assertEquals((i * 7) % 60 + 1, v.size());
                assertEquals(i + (v.size() - 1) / 64f, v.apply(v.size() - 1));
            }
        }
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void theFileHoldsAMultiPartRecordFromThePlantedMagic() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int firstParts = 0;
        for (int p = 0; p + 8 <= b.limit(); p += 4) {
            if (b.getInt(p) == MAGIC && (b.getInt(p + 4) >>> 29) == 1) {
                firstParts++;
            }
        }
        assertEquals(1, firstParts);
        assertTrue(Files.size(file) > 65536, "size " + Files.size(file));
    }

    @Test
    void splitsReadEveryRecordExactlyOnce() {
        for (String max : List.of("4096", "4097", "10000", "65536")) {
            SharedSpark.withConf(() -> {
                Dataset<Row> df = spark().read().format("recordio-protobuf").load(file.toString());
                int partitions = df.rdd().getNumPartitions();
                assertTrue(partitions > 1, max + ": " + partitions + " partitions");
                assertEveryRecordOnce(df.collectAsList());
                assertEquals(N, df.count());
            }, "spark.sql.files.maxPartitionBytes", max, "spark.sql.files.openCostInBytes", "0");
        }
    }

    @Test
    void splittableFalseReadsOnePartition() {
        SharedSpark.withConf(() -> {
            Dataset<Row> df = spark().read().format("recordio-protobuf").option("splittable", "false")
                    .load(file.toString());
            assertEquals(1, df.rdd().getNumPartitions());
            assertEveryRecordOnce(df.collectAsList());
        }, "spark.sql.files.maxPartitionBytes", "4096", "spark.sql.files.openCostInBytes", "0");
    }

    @Test
    void gzipInputIsReadWholeAndEqual() throws IOException {
        Path gz = tmp.resolve("gz/data.pbr.gz");
        Files.createDirectories(gz.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(file));
        }
        SharedSpark.withConf(() -> {
            Dataset<Row> df = spark().read().format("recordio-protobuf").load(gz.getParent().toString());
            assertEquals(1, df.rdd().getNumPartitions());
            assertEveryRecordOnce(df.collectAsList());
        }, "spark.sql.files.maxPartitionBytes", "4096", "spark.sql.files.openCostInBytes", "0");
    }

    @Test
    void truncatedLastRecordFailsNamingPathAndOffset() throws IOException {
        Path cut = tmp.resolve("cut.pbr");
        long lastOffset;
        try (RecordProtobufWriter w = RecordProtobufWriter.open(cut)) {
            for (int i = 0; i < 100; i++) {
                lastOffset = w.position();
                w.writeDense(new float[] {i, i, i, i, i, i}, i);
            }
            lastOffset = w.position();
            w.writeDense(new float[] {1, 2, 3, 4, 5, 6}, 100);
            w.commit();
        }
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        long offset = lastOffset;
        SharedSpark.withConf(() -> {
            String msg = failure(() -> spark().read().format("recordio-protobuf").load(cut.toString())
                    .collectAsList());
            // The record index counts from the start of the task's split; the byte offsets are the file's.
            assertTrue(msg.contains("io.mlformats.core.TruncatedInputException: file:" + cut + ":" + (offset + 8)
                    + ": record "), "offset " + offset + ": " + msg);
            assertTrue(msg.contains("truncated payload: the header at offset " + offset + " declares 60 bytes, 50 "
                    + "remain"), msg);
            assertEquals(100, spark().read().format("recordio-protobuf").option("mode", "DROPMALFORMED")
                    .load(cut.toString()).collectAsList().size());
        }, "spark.sql.files.maxPartitionBytes", "4096", "spark.sql.files.openCostInBytes", "0");
    }

    @Test
    void countWalksFramesWithoutDecodingAndBadPayloadsFailOrDrop() throws IOException {
        Path junk = tmp.resolve("junk.pbr");
        try (RecordIoWriter w = RecordIoWriter.open(junk)) {
            for (int i = 0; i < 7; i++) {
                w.write(i == 3 ? "\u00ff\u00ff not a protobuf".getBytes(StandardCharsets.ISO_8859_1)
                        : goodPayload(i));
            }
            w.commit();
        }
        Dataset<Row> df = spark().read().format("recordio-protobuf").load(junk.toString());
        assertEquals(7, df.count());
        String msg = failure(df::collectAsList);
        assertTrue(msg.contains("junk.pbr") && msg.contains("FormatException"), msg);
        List<Row> kept = spark().read().format("recordio-protobuf").option("mode", "DROPMALFORMED")
                .load(junk.toString()).collectAsList();
        assertEquals(6, kept.size());
        assertEquals(4.0, kept.get(3).getDouble(0));
    }

    /** A Record with features[values] = [i] and label i, encoded by our own writer. */
    private byte[] goodPayload(int i) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out,
                io.mlformats.recordio.protobuf.RecordProtobufWriteOptions.defaults())) {
            w.writeDense(new float[] {i}, i);
            w.commit();
        }
        return RecordIoTesting.payloads(out.toByteArray()).get(0);
    }

    @Test
    void byteArrayRecordTypeGivesThePayloads() throws IOException {
        List<byte[]> expected = new ArrayList<>();
        try (RecordIoReader r = RecordIoReader.open(file)) {
            while (r.next()) {
                expected.add(r.payloadBytes());
            }
        }
        List<Row> rows = spark().read().format("recordio-protobuf").option("recordType", "ByteArray")
                .load(file.toString()).collectAsList();
        assertEquals(N, rows.size());
        for (int i = 0; i < N; i++) {
            assertArrayEquals(expected.get(i), (byte[]) rows.get(i).get(0), "record " + i);
        }
        assertEquals(List.of("value"), List.of(spark().read().format("recordio-protobuf")
                .option("recordType", "bytearray").load(file.toString()).columns()));
    }

    @Test
    void partitionByWritesDirectoriesThatAreDiscovered() {
        Dataset<Row> df = spark().read().format("recordio-protobuf").load(file.toString())
                .selectExpr("label", "features", "cast(coalesce(label, 250D) as int) % 3 as part");
        Path out = tmp.resolve("parts");
        df.write().format("recordio-protobuf").partitionBy("part").save(out.toString());
        assertTrue(Files.isDirectory(out.resolve("part=0")) && Files.isDirectory(out.resolve("part=2")));
        Dataset<Row> back = spark().read().format("recordio-protobuf").load(out.toString());
        assertEquals(List.of("label", "features", "part"), List.of(back.columns()));
        List<Row> rows = back.collectAsList();
        assertEveryRecordOnce(rows);
        for (Row r : rows) {
            assertEquals(((int) ((Vector) r.get(1)).apply(0)) % 3, r.getInt(2));
        }
        assertEquals(167, back.where("part = 0").count());
    }

    @Test
    void vectorTypeConvertsAndKeysAreOptions() throws IOException {
        Path sparse = RecordIoTesting.copyGolden("sparse_csr_f32_6x10_label_f32.pbr", tmp);
        List<Row> dense = spark().read().format("recordio-protobuf").option("vectorType", "dense")
                .load(sparse.toString()).collectAsList();
        DenseVector d = (DenseVector) dense.get(0).get(1);
        assertArrayEquals(new double[] {0, 1, 0, 0, -2, 0, 0, 0.5, 0, 0}, d.toArray());
        assertEquals(10, ((DenseVector) dense.get(1).get(1)).size());

        List<Row> asSparse = spark().read().format("recordio-protobuf").option("vectorType", "sparse")
                .load(file.toString()).collectAsList();
        SparseVector s = (SparseVector) asSparse.get(1).get(1);
        assertEquals(8, s.size());
        assertEquals(8, s.numActives()); // 1 + j/64 is never 0
        SparseVector zero = (SparseVector) asSparse.get(0).get(1);
        assertEquals(1, zero.size());
        assertEquals(0, zero.numActives()); // the single feature of record 0 is 0

        Path all = RecordIoTesting.copyGolden("all_fields_and_responses.pbr", tmp);
        String msg = failure(() -> spark().read().format("recordio-protobuf").option("featureKey", "matrix")
                .load(all.toString()).collectAsList());
        assertTrue(msg.contains("features['matrix'] has shape [2, 2] (rank 2)"), msg);
        assertTrue(msg.contains("all_fields_and_responses.pbr"), msg);
        List<Row> tokens = spark().read().format("recordio-protobuf").option("featureKey", "tokens")
                .option("labelKey", "score").option("mode", "DROPMALFORMED").load(all.toString()).collectAsList();
        assertEquals(1, tokens.size());
        assertEquals(0.25, tokens.get(0).getDouble(0));
        assertArrayEquals(new double[] {-5, 0, 70000}, ((Vector) tokens.get(0).get(1)).toArray());

        String bad = failure(() -> spark().read().format("recordio-protobuf").option("recordType", "Tensor")
                .load(file.toString()).collectAsList());
        assertTrue(bad.contains("option 'recordType' must be one of"), bad);
    }
}

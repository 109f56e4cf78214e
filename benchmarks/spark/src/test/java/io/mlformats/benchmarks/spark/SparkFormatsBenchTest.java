package io.mlformats.benchmarks.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.vector.LabeledRow;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's own parts on tiny data: the sagemaker-spark-like writer, and one pass of everything. */
class SparkFormatsBenchTest {
    @Test
    void sageMakerSparkLikeWriterFramesRecordsTheLibraryReadsBack(@TempDir Path dir) throws Exception {
        SparkSession spark = SparkSession.builder().master("local[1]").appName("bench-test")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            StructType schema = new StructType().add("label", DataTypes.DoubleType)
                    .add("features", SQLDataTypes.VectorType());
            List<Row> rows = List.of(
                    RowFactory.create(1.0, Vectors.sparse(10, new int[] {0, 7}, new double[] {0.5, 3})),
                    RowFactory.create(0.0, Vectors.dense(1.25, -2, 0.1)),
                    RowFactory.create(1.0, Vectors.sparse(10, new int[0], new double[0])));
            Path out = dir.resolve("out");
            spark.createDataFrame(rows, schema).coalesce(1).write().format(SageMakerSparkLikeFormat.class.getName())
                    .mode(SaveMode.Overwrite).save(out.toString());
            List<Path> parts = SparkFormatsBench.dataFiles(out);
            assertEquals(1, parts.size());
            assertTrue(parts.get(0).getFileName().toString().endsWith(".pbr"));
            assertEquals(0, Files.size(parts.get(0)) % 4, "frames are padded to 4 bytes");
            try (RecordProtobufReader r = RecordProtobufReader.open(parts.get(0))) {
                assertTrue(r.next());
                LabeledRow row = r.currentRow();
                assertEquals(1.0, row.label(0));
                assertTrue(row.isSparse());
                assertEquals(10, row.sparse().dimension());
                assertArrayEquals(new int[] {0, 7}, java.util.Arrays.copyOf(row.sparse().indices(), 2));
                assertEquals(0.5f, row.sparse().floatValue(0));
                assertEquals(3f, row.sparse().floatValue(1));
                assertTrue(r.next());
                row = r.currentRow();
                assertEquals(0.0, row.label(0));
                assertFalse(row.isSparse());
                assertArrayEquals(new float[] {1.25f, -2f, 0.1f}, row.dense().toFloatArray());
                assertTrue(r.next());
                assertEquals(0, r.currentRow().sparse().nnz());
                assertFalse(r.next());
            }
        } finally {
            spark.stop();
        }
    }

    @Test
    void onePassOfEveryGroupAtTinySize(@TempDir Path dir) throws Exception {
        SparkFormatsBench b = new SparkFormatsBench(SparkFormatsBench.Settings.parse("--rows", "3000",
                "--dense-rows", "500", "--masters", "local[2]", "--warmup", "0", "--passes", "1",
                "--dir", dir.toString()));
        String md = b.run();
        assertEquals(Boolean.TRUE, b.checks().get("identical"), md);
        assertEquals(2, ((List<?>) b.checks().get("identity")).size(), md);
        for (String v : List.of("Spark `libsvm`, numFeatures inferred", "`sagemaker-libsvm` indexBase=one, "
                + "numFeatures inferred", "sagemaker-spark-like writer", "`to_recordio_protobuf(label, features)`",
                "`to_libsvm(label, features)`", "sparse local[2]: identical")) {
            assertTrue(md.contains(v), v + "\n" + md);
        }
        assertTrue(Files.size(dir.resolve("video-3000-s42.1based.libsvm"))
                > Files.size(dir.resolve("video-3000-s42.0based.libsvm")), "1-based indices are longer");
    }
}

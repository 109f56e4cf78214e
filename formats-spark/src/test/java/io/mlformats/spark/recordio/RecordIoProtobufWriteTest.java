package io.mlformats.spark.recordio;

import static io.mlformats.spark.recordio.RecordIoTesting.failure;
import static io.mlformats.spark.recordio.RecordIoTesting.onlyPart;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.recordio.protobuf.RecordView;
import io.mlformats.recordio.protobuf.TensorType;
import io.mlformats.spark.testing.SharedSpark;
import io.mlformats.spark.testproto.SageMakerRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class RecordIoProtobufWriteTest {
    private static final StructType ML = new StructType().add("label", DataTypes.DoubleType)
            .add("features", SQLDataTypes.VectorType());

    @TempDir
    Path tmp;

    private static final List<Double> LABELS = List.of(1.0, 0.0, -3.5, 0.1, 1e10, 7.0);
    private static final List<Vector> VECTORS = List.of(
            Vectors.dense(1.5, -2.0, 0.0, 3.25),
            Vectors.sparse(10, new int[] {1, 4, 7}, new double[] {1.0, -2.0, 0.5}),
            Vectors.sparse(10, new int[0], new double[0]),
            Vectors.dense(0.1, 1e-45, Double.MAX_VALUE, Double.NaN),
            Vectors.sparse(3, new int[] {0, 1, 2}, new double[] {0.0, 2.0, 3.0}),
            Vectors.dense(new double[0]));

    private Dataset<Row> frame(StructType schema, List<Row> rows) {
        return SharedSpark.session().createDataFrame(rows, schema).coalesce(1);
    }

    private static List<Row> mlRows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < VECTORS.size(); i++) {
            rows.add(RowFactory.create(LABELS.get(i), VECTORS.get(i)));
        }
        return rows;
    }

    @Test
    void byteIdenticalToSageMakerSparkForDenseAndSparseWithLabels() throws IOException {
        Path out = tmp.resolve("out");
        frame(ML, mlRows()).write().format("recordio-protobuf").save(out.toString());
        byte[] expected = RecordIoTesting.sageMakerSpark(LABELS, VECTORS);
        assertArrayEquals(expected, onlyPart(out, ".pbr"));
    }

    @Test
    void mllibVectorsWriteTheSameBytesAsMl() throws IOException {
        StructType mllib = new StructType().add("label", DataTypes.DoubleType)
                .add("features", new org.apache.spark.mllib.linalg.VectorUDT());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < VECTORS.size(); i++) {
            rows.add(RowFactory.create(LABELS.get(i), org.apache.spark.mllib.linalg.Vectors.fromML(VECTORS.get(i))));
        }
        Path out = tmp.resolve("mllib");
        frame(mllib, rows).write().format("recordio-protobuf").save(out.toString());
        assertArrayEquals(RecordIoTesting.sageMakerSpark(LABELS, VECTORS), onlyPart(out, ".pbr"));
    }

    @Test
    void noLabelColumnWritesRecordsWithoutLabelAndOtherColumnNames() throws IOException {
        StructType schema = new StructType().add("y", DataTypes.IntegerType).add("x", SQLDataTypes.VectorType());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < VECTORS.size(); i++) {
            rows.add(RowFactory.create(i, VECTORS.get(i)));
        }
        Path out = tmp.resolve("nolabel");
        frame(schema, rows).write().format("recordio-protobuf").option("featuresColumnName", "x")
                .save(out.toString());
        assertArrayEquals(RecordIoTesting.sageMakerSpark(null, VECTORS), onlyPart(out, ".pbr"));

        Path out2 = tmp.resolve("intlabel");
        frame(schema, rows).write().format("recordio-protobuf").option("featuresColumnName", "x")
                .option("labelColumnName", "y").save(out2.toString());
        List<Double> asDoubles = new ArrayList<>();
        for (int i = 0; i < VECTORS.size(); i++) {
            asDoubles.add((double) i);
        }
        assertArrayEquals(RecordIoTesting.sageMakerSpark(asDoubles, VECTORS), onlyPart(out2, ".pbr"));
    }

    @Test
    void nullLabelWritesNoLabelAndArraysFloat64Int32Keys() throws IOException {
        StructType schema = new StructType().add("label", DataTypes.DoubleType)
                .add("features", DataTypes.createArrayType(DataTypes.IntegerType));
        List<Row> rows = List.of(RowFactory.create(null, List.of(1, -2, 70000)), RowFactory.create(2.0, List.of()));
        Path out = tmp.resolve("ints");
        frame(schema, rows).write().format("recordio-protobuf").option("featureType", "int32")
                .option("labelType", "float64").option("featureKey", "tokens").option("labelKey", "y")
                .save(out.toString());
        Path file = RecordIoTesting.parts(out, ".pbr").get(0);
        try (RecordProtobufReader r = RecordProtobufReader.open(file)) {
            assertTrue(r.next());
            RecordView v = r.current();
            assertEquals(0, v.labelCount());
            assertEquals(TensorType.INT32, v.feature("tokens").type());
            int[] got = new int[3];
            v.feature("tokens").copyTo(got, 0);
            assertArrayEquals(new int[] {1, -2, 70000}, got);
            assertTrue(r.next());
            assertEquals(TensorType.FLOAT64, r.current().label("y").type());
            assertEquals(2.0, r.current().label("y").float64(0));
            assertEquals(0, r.current().feature("tokens").size());
        }

        StructType doubles = new StructType().add("label", DataTypes.FloatType)
                .add("features", DataTypes.createArrayType(DataTypes.DoubleType));
        Path out2 = tmp.resolve("f64");
        frame(doubles, List.of(RowFactory.create(0.5f, List.of(0.1, 2.0))))
                .write().format("recordio-protobuf").option("featureType", "float64").save(out2.toString());
        List<byte[]> payloads = RecordIoTesting.payloads(onlyPart(out2, ".pbr"));
        assertEquals(1, payloads.size());
        SageMakerRecords.Record rec = SageMakerRecords.Record.parseFrom(payloads.get(0));
        assertEquals(List.of(0.1, 2.0), rec.getFeaturesOrThrow("values").getFloat64Tensor().getValuesList());
        assertEquals(List.of(0.5f), rec.getLabelOrThrow("values").getFloat32Tensor().getValuesList());
    }

    @Test
    void nullFeaturesFailNamingFileAndRecord() {
        List<Row> rows = List.of(RowFactory.create(1.0, Vectors.dense(1.0)), RowFactory.create(2.0, null));
        Path out = tmp.resolve("nullfeatures");
        String msg = failure(() -> frame(ML, rows).write().format("recordio-protobuf").save(out.toString()));
        assertTrue(msg.contains(".pbr, record 1: features column 'features' is null"), msg);
    }

    @Test
    void wrongColumnTypesAndOptionsAreNamed() {
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("features", DataTypes.StringType);
        Dataset<Row> df = frame(schema, List.of(RowFactory.create(1.0, "1 2")));
        String msg = failure(() -> df.write().format("recordio-protobuf").save(tmp.resolve("a").toString()));
        assertTrue(msg.contains("features column 'features' has type string; accepted: an ml or mllib vector, "
                + "array<float>, array<double>, array<int>"), msg);
        String msg2 = failure(() -> frame(ML, mlRows()).write().format("recordio-protobuf")
                .option("featureType", "float16").save(tmp.resolve("b").toString()));
        assertTrue(msg2.contains("option 'featureType' must be one of float32, float64, int32, got 'float16'"), msg2);
    }

    @Test
    void gzipCompressionWritesPbrGzThatReadsBack() throws IOException {
        Path out = tmp.resolve("gz");
        frame(ML, mlRows()).write().format("recordio-protobuf").option("compression", "gzip").save(out.toString());
        List<Path> parts = RecordIoTesting.parts(out, ".pbr.gz");
        assertEquals(1, parts.size());
        byte[] plain = new java.util.zip.GZIPInputStream(Files.newInputStream(parts.get(0))).readAllBytes();
        assertArrayEquals(RecordIoTesting.sageMakerSpark(LABELS, VECTORS), plain);
        SparkSession spark = SharedSpark.session();
        List<Row> back = spark.read().format("recordio-protobuf").load(out.toString()).collectAsList();
        assertEquals(VECTORS.size(), back.size());
        assertEquals(VECTORS.get(1), back.get(1).get(1));
        assertEquals(-3.5, back.get(2).getDouble(0));
        assertEquals(DataTypes.DoubleType,
                spark.read().format("recordio-protobuf").load(out.toString()).schema().apply("label").dataType());
    }
}

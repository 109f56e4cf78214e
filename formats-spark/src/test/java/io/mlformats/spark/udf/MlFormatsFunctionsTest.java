package io.mlformats.spark.udf;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.libsvm.IndexBase;
import io.mlformats.libsvm.LibSvmRow;
import io.mlformats.libsvm.LibSvmWriteOptions;
import io.mlformats.libsvm.LibSvmWriter;
import io.mlformats.recordio.protobuf.RecordProtobufWriteOptions;
import io.mlformats.recordio.protobuf.RecordProtobufWriter;
import io.mlformats.recordio.protobuf.TensorType;
import io.mlformats.spark.MlFormatsFunctions;
import io.mlformats.spark.MlFormatsUdfOptions;
import io.mlformats.spark.testing.SharedSpark;
import io.mlformats.spark.testproto.SageMakerRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class MlFormatsFunctionsTest {
    /** Values exact in float32, so RecordIO-protobuf round trips compare equal. */
    private static final List<Vector> VECTORS = List.of(
            Vectors.dense(0.5, 0, -2),
            Vectors.sparse(6, new int[] {1, 4}, new double[] {3.25, -1}),
            Vectors.sparse(6, new int[0], new double[0]),
            Vectors.dense(1.5, 7, 0.125));
    private static final double[] LABELS = {1, 0, 2.5, -1};

    private static Dataset<Row> table;

    @BeforeAll
    static void registerAndBuild() {
        SparkSession spark = SharedSpark.session();
        MlFormatsFunctions.register(spark);
        StructType schema = new StructType()
                .add("id", DataTypes.IntegerType)
                .add("label", DataTypes.DoubleType)
                .add("features", SQLDataTypes.VectorType())
                .add("mllib", new org.apache.spark.mllib.linalg.VectorUDT())
                .add("doubles", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("floats", DataTypes.createArrayType(DataTypes.FloatType))
                .add("ints", DataTypes.createArrayType(DataTypes.IntegerType))
                .add("ilabel", DataTypes.IntegerType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < VECTORS.size(); i++) {
            Vector v = VECTORS.get(i);
            double[] d = v.toArray();
            Float[] f = new Float[d.length];
            Integer[] n = new Integer[d.length];
            for (int k = 0; k < d.length; k++) {
                f[k] = (float) d[k];
                n[k] = (int) Math.round(d[k] * 4);
            }
            rows.add(RowFactory.create(i, LABELS[i], v, org.apache.spark.mllib.linalg.Vectors.fromML(v),
                    Arrays.stream(d).boxed().toList(), Arrays.asList(f), Arrays.asList(n), (int) LABELS[i]));
        }
        table = spark.createDataFrame(rows, schema);
        table.createOrReplaceTempView("udf_rows");
    }

    private static List<Row> sql(String query) {
        return SharedSpark.session().sql(query).collectAsList();
    }

    private static List<String> strings(List<Row> rows) {
        return rows.stream().map(r -> r.getString(0)).toList();
    }

    // ---------------------------------------------------------------- to_libsvm

    @Test
    void toLibsvmEqualsTheWritersLinesForEveryFeatureForm() throws IOException {
        List<String> expected = List.of("1 0:0.5 1:0 2:-2", "0 1:3.25 4:-1", "2.5", "-1 0:1.5 1:7 2:0.125");
        assertEquals(expected, writerLines(LibSvmWriteOptions.defaults()));
        assertEquals(expected, strings(sql("SELECT to_libsvm(label, features) FROM udf_rows")));
        assertEquals(expected, strings(sql("SELECT to_libsvm(label, mllib) FROM udf_rows")));
        assertEquals(expected, strings(table
                .select(MlFormatsFunctions.toLibsvm(col("label"), col("features"))).collectAsList()));
        // arrays are dense rows: every value written, as for dense vectors
        assertEquals(List.of("1 0:0.5 1:0 2:-2", "0 0:0 1:3.25 2:0 3:0 4:-1 5:0"), strings(sql(
                "SELECT to_libsvm(label, doubles) FROM udf_rows WHERE id < 2")));
        assertEquals(List.of("1 0:2 1:0 2:-8", "0 0:0 1:13 2:0 3:0 4:-4 5:0"), strings(sql(
                "SELECT to_libsvm(ilabel, ints) FROM udf_rows WHERE id < 2")));
        assertEquals(strings(sql("SELECT to_libsvm(label, doubles) FROM udf_rows")),
                strings(sql("SELECT to_libsvm(label, floats) FROM udf_rows")));
        assertNull(sql("SELECT to_libsvm(CAST(NULL AS DOUBLE), features) FROM udf_rows WHERE id = 0").get(0).get(0));
    }

    @Test
    void oneBasedOptionsAsSparksLibsvmSource() throws IOException {
        SharedSpark.session().udf().register("to_libsvm_one",
                new ToLibSvm(MlFormatsUdfOptions.defaults().withIndexBase(IndexBase.ONE)), ToLibSvm.returnType());
        List<String> expected = writerLines(LibSvmWriteOptions.defaults().withIndexBase(IndexBase.ONE));
        assertEquals("0 2:3.25 5:-1", expected.get(1));
        assertEquals(expected, strings(sql("SELECT to_libsvm_one(label, features) FROM udf_rows")));
        SharedSpark.session().udf().register("from_libsvm_one",
                new FromLibSvm(MlFormatsUdfOptions.defaults().withIndexBase(IndexBase.ONE)), FromLibSvm.returnType());
        Row back = sql("SELECT from_libsvm_one('0 2:3.25 5:-1', 6)").get(0).getStruct(0);
        assertEquals(VECTORS.get(1), back.get(1));
    }

    /** What LibSvmWriter writes for the rows (dense vectors: every entry), as lines. */
    private static List<String> writerLines(LibSvmWriteOptions o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LibSvmWriter w = LibSvmWriter.open(out, o)) {
            for (int i = 0; i < VECTORS.size(); i++) {
                LibSvmRow row = LibSvmRow.float64().setLabel(LABELS[i]);
                VECTORS.get(i).foreachActive((k, v) -> {
                    row.features().append((int) k, (double) v);
                    return null;
                });
                w.write(row);
            }
            w.commit();
        }
        return Arrays.asList(out.toString(StandardCharsets.US_ASCII).split("\n"));
    }

    // ---------------------------------------------------------------- to_recordio_protobuf

    @Test
    void toRecordioProtobufFramesConcatenatedEqualTheWritersFile() throws IOException {
        byte[] expected = writerFile(RecordProtobufWriteOptions.defaults(), false);
        assertArrayEquals(expected, frames(sql("SELECT to_recordio_protobuf(label, features) FROM udf_rows")));
        assertArrayEquals(expected, frames(sql("SELECT to_recordio_protobuf(label, mllib) FROM udf_rows")));
        assertArrayEquals(expected, frames(table
                .select(MlFormatsFunctions.toRecordioProtobuf(col("label"), col("mllib"))).collectAsList()));
        // Dense arrays as the SDK's write_numpy_to_dense_tensor; float64 features when asked for
        assertArrayEquals(writerFile(RecordProtobufWriteOptions.defaults(), true),
                frames(sql("SELECT to_recordio_protobuf(label, floats) FROM udf_rows")));
        SharedSpark.session().udf().register("to_rp64", new ToRecordIoProtobuf(MlFormatsUdfOptions.defaults()
                .withFeatureType(TensorType.FLOAT64).withLabelType(TensorType.FLOAT64)), ToRecordIoProtobuf.returnType());
        assertArrayEquals(writerFile64(), frames(sql("SELECT to_rp64(label, features) FROM udf_rows")));
    }

    @Test
    void framesParseWithProtobufJavaAsSageMakerRecords() throws IOException {
        Row row = sql("SELECT to_recordio_protobuf(label, features), to_recordio_protobuf(NULL, features)"
                + " FROM udf_rows WHERE id = 1").get(0);
        byte[] frame = (byte[]) row.get(0);
        SageMakerRecords.Record rec = SageMakerRecords.Record.parseFrom(payload(frame));
        SageMakerRecords.Float32Tensor f = rec.getFeaturesOrThrow("values").getFloat32Tensor();
        assertEquals(List.of(3.25f, -1f), f.getValuesList());
        assertEquals(List.of(1L, 4L), f.getKeysList());
        assertEquals(List.of(6L), f.getShapeList());
        assertEquals(List.of(0f), rec.getLabelOrThrow("values").getFloat32Tensor().getValuesList());
        SageMakerRecords.Record unlabelled = SageMakerRecords.Record.parseFrom(payload((byte[]) row.get(1)));
        assertEquals(0, unlabelled.getLabelCount());
        assertEquals(f, unlabelled.getFeaturesOrThrow("values").getFloat32Tensor());
    }

    private static byte[] payload(byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xCED7230A, b.getInt());
        int len = b.getInt() & ((1 << 29) - 1);
        assertEquals(frame.length, 8 + (len + 3) / 4 * 4);
        return Arrays.copyOfRange(frame, 8, 8 + len);
    }

    private static byte[] frames(List<Row> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Row r : rows) {
            byte[] f = (byte[]) r.get(0);
            out.write(f, 0, f.length);
        }
        return out.toByteArray();
    }

    private static byte[] writerFile(RecordProtobufWriteOptions o, boolean allDense) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out, o)) {
            for (int i = 0; i < VECTORS.size(); i++) {
                Vector v = VECTORS.get(i);
                if (allDense || v instanceof org.apache.spark.ml.linalg.DenseVector) {
                    double[] d = v.toArray();
                    float[] f = new float[d.length];
                    for (int k = 0; k < d.length; k++) {
                        f[k] = (float) d[k];
                    }
                    w.writeDense(f, LABELS[i]);
                } else {
                    org.apache.spark.ml.linalg.SparseVector s = (org.apache.spark.ml.linalg.SparseVector) v;
                    float[] f = new float[s.values().length];
                    for (int k = 0; k < f.length; k++) {
                        f[k] = (float) s.values()[k];
                    }
                    w.writeSparse(s.size(), s.indices(), f, 0, f.length, LABELS[i]);
                }
            }
            w.commit();
        }
        return out.toByteArray();
    }

    private static byte[] writerFile64() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out, RecordProtobufWriteOptions.defaults()
                .withLabelType(TensorType.FLOAT64))) {
            for (int i = 0; i < VECTORS.size(); i++) {
                if (VECTORS.get(i) instanceof org.apache.spark.ml.linalg.SparseVector s) {
                    w.writeSparse(s.size(), s.indices(), s.values(), 0, s.values().length, LABELS[i]);
                } else {
                    w.writeDense(VECTORS.get(i).toArray(), LABELS[i]);
                }
            }
            w.commit();
        }
        return out.toByteArray();
    }

    @Test
    void inTasksOnSeveralPartitionsAsInOneWriter() throws IOException {
        // udf_rows is a local relation, which Spark may evaluate on the driver; this runs in tasks, so the
        // functions travel serialized and use their per-thread buffers on the executor threads.
        List<Row> rows = SharedSpark.session().range(0, 300, 1, 2).selectExpr(
                "to_recordio_protobuf(id % 2, array(CAST(id AS FLOAT), 1.5F, -CAST(id AS FLOAT)))",
                "to_libsvm(id % 2, array(CAST(id AS DOUBLE) / 8, 0D))").collectAsList();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(file, RecordProtobufWriteOptions.defaults());
                LibSvmWriter t = LibSvmWriter.open(text, LibSvmWriteOptions.defaults())) {
            for (int id = 0; id < 300; id++) {
                w.writeDense(new float[] {id, 1.5f, -(float) id}, id % 2); // -0.0f for id 0, as in SQL
                LibSvmRow row = LibSvmRow.float64().setLabel(id % 2);
                row.features().append(0, id / 8.0);
                row.features().append(1, 0.0);
                t.write(row);
            }
            w.commit();
            t.commit();
        }
        assertArrayEquals(file.toByteArray(), frames(rows));
        StringBuilder lines = new StringBuilder();
        rows.forEach(r -> lines.append(r.getString(1)).append('\n'));
        assertEquals(text.toString(StandardCharsets.US_ASCII), lines.toString());
    }

    // ---------------------------------------------------------------- from_* inverse of to_*

    @Test
    void fromIsTheInverseOfTo() {
        List<Row> libsvm = sql("SELECT id, from_libsvm(to_libsvm(label, features), 6) FROM udf_rows");
        List<Row> rp = sql("SELECT id, from_recordio_protobuf(to_recordio_protobuf(label, mllib)) FROM udf_rows");
        List<Row> api = table.select(MlFormatsFunctions.fromRecordioProtobuf(
                MlFormatsFunctions.toRecordioProtobuf(col("label"), col("features")))).collectAsList();
        for (int i = 0; i < VECTORS.size(); i++) {
            Vector v = VECTORS.get(i);
            assertEquals(i, libsvm.get(i).getInt(0));
            assertEquals(i, rp.get(i).getInt(0));
            Row l = libsvm.get(i).getStruct(1);
            assertEquals(LABELS[i], l.getDouble(0));
            // LibSVM is sparse: dense rows come back as sparse vectors of the same values
            Vector lv = (Vector) l.get(1);
            assertEquals(v.size() == 3 ? 6 : v.size(), lv.size());
            assertArrayEquals(Arrays.copyOf(v.toArray(), lv.size()), lv.toArray());
            Row r = rp.get(i).getStruct(1);
            assertEquals(LABELS[i], r.getDouble(0));
            assertEquals(v, r.get(1), "row " + i); // dense stays dense, sparse stays sparse
            assertEquals(r, api.get(i).getStruct(0));
        }
        Row inferred = sql("SELECT from_libsvm('3 1:2 7:0.5', NULL)").get(0).getStruct(0);
        assertEquals(Vectors.sparse(8, new int[] {1, 7}, new double[] {2, 0.5}), inferred.get(1));
        Row unlabelled = sql("SELECT from_recordio_protobuf(to_recordio_protobuf(NULL, features)) FROM udf_rows "
                + "WHERE id = 0").get(0).getStruct(0);
        assertTrue(unlabelled.isNullAt(0));
        assertEquals(VECTORS.get(0), unlabelled.get(1));
        assertNull(table.select(MlFormatsFunctions.fromLibsvm(lit(null).cast("string"), lit(3))).first().get(0));
    }

    // ---------------------------------------------------------------- errors

    @Test
    void argumentsOfOtherTypesNameTheFunctionArgumentAndAcceptedTypes() {
        assertEquals("to_libsvm: argument 'features' is a value of type java.lang.String; accepted: an ml or mllib "
                + "vector (VectorUDT), array<float>, array<double> or array<int>",
                failure("SELECT to_libsvm(label, 'abc') FROM udf_rows"));
        assertEquals("to_recordio_protobuf: argument 'label' is a value of type java.lang.String; accepted: tinyint, "
                + "smallint, int, bigint, float, double, decimal",
                failure("SELECT to_recordio_protobuf('x', features) FROM udf_rows"));
        assertEquals("to_libsvm: argument 'features' has a null element at index 1; accepted: an ml or mllib vector "
                + "(VectorUDT), array<float>, array<double> or array<int> without nulls",
                failure("SELECT to_libsvm(1, array(1.0D, NULL))"));
        assertEquals("from_recordio_protobuf: argument 'frame' is a value of type java.lang.String; accepted: binary",
                failure("SELECT from_recordio_protobuf('abc')"));
        String nan = failure("SELECT to_libsvm(CAST('NaN' AS DOUBLE), features) FROM udf_rows");
        assertTrue(nan.startsWith("to_libsvm: refusing to write the non-finite label NaN"), nan);
    }

    @Test
    void badInputToFromNamesTheRowAndWhatWasExpected() {
        String line = failure("SELECT from_libsvm('1 3:x', 6)");
        assertTrue(line.startsWith("from_libsvm: cannot read line '1 3:x': "), line);
        assertTrue(line.endsWith("; expected one line 'label index:value ...' with zero-based indices"), line);
        String beyond = failure("SELECT from_libsvm('1 7:1', 6)");
        assertTrue(beyond.startsWith("from_libsvm: "), beyond);
        assertTrue(beyond.contains("7"), beyond);
        String two = failure("SELECT from_libsvm('1 0:1\n2 0:2', 6)");
        assertTrue(two.contains("holds more than one record"), two);
        String frame = failure("SELECT from_recordio_protobuf(substring(to_recordio_protobuf(label, features), 1, 12))"
                + " FROM udf_rows WHERE id = 0");
        assertTrue(frame.startsWith("from_recordio_protobuf: cannot read a frame of 12 bytes: "), frame);
        assertTrue(frame.endsWith("expected one complete RecordIO frame (magic, length, Record payload, padding) "
                + "with a float32/float64/int32 features[\"values\"] tensor"), frame);
    }

    /** The message of the IllegalArgumentException a query fails with (Spark wraps it per version). */
    private static String failure(String query) {
        Throwable t = assertThrows(Exception.class, () -> sql(query));
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException) {
                return c.getMessage();
            }
        }
        throw new AssertionError("no IllegalArgumentException in the causes", t);
    }

    // ---------------------------------------------------------------- registration by class name

    @Test
    void registrationByClassNameAsPySparksRegisterJavaFunction() {
        SparkSession spark = SharedSpark.session();
        spark.udf().registerJava("py_to_libsvm", ToLibSvm.class.getName(), DataTypes.StringType);
        spark.udf().registerJava("py_to_rp", ToRecordIoProtobuf.class.getName(), null); // type from the class
        spark.udf().registerJava("py_from_rp", FromRecordIoProtobuf.class.getName(), FromRecordIoProtobuf.returnType());
        spark.udf().registerJava("py_from_libsvm", FromLibSvm.class.getName(), FromLibSvm.returnType());
        Row r = sql("SELECT py_to_libsvm(label, features), py_from_rp(py_to_rp(label, features)), "
                + "py_from_libsvm(py_to_libsvm(label, features), 6) FROM udf_rows WHERE id = 1").get(0);
        assertEquals("0 1:3.25 4:-1", r.getString(0));
        assertEquals(VECTORS.get(1), r.getStruct(1).get(1));
        assertEquals(VECTORS.get(1), r.getStruct(2).get(1));
        // registration by class name leaves the session's other functions alone
        assertEquals("0 1:3.25 4:-1", strings(sql("SELECT to_libsvm(label, features) FROM udf_rows WHERE id = 1"))
                .get(0));
    }

    @Test
    void optionsFromStringSettings() {
        MlFormatsUdfOptions o = MlFormatsUdfOptions.of(Map.of("indexBase", "one", "FEATURETYPE", "float64",
                "splitOnMagic", "false"));
        assertEquals(MlFormatsUdfOptions.defaults().withIndexBase(IndexBase.ONE).withFeatureType(TensorType.FLOAT64)
                .withSplitOnMagic(false), o);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> MlFormatsUdfOptions.of(Map.of("indexBase", "auto")));
        assertTrue(bad.getMessage().contains("AUTO"), bad.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> MlFormatsUdfOptions.of(Map.of("numFeatures", "3")));
        assertEquals("MlFormatsUdfOptions: unknown setting 'numFeatures'; accepted: indexBase, allowNonFinite, "
                + "featureType, labelType, featureKey, labelKey, splitOnMagic", unknown.getMessage());
        Column c = MlFormatsFunctions.toLibsvm(col("a"), col("b"));
        assertTrue(c.toString().contains("to_libsvm"), c.toString());
    }
}

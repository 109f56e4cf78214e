package io.mlformats.spark.libsvm;

import static io.mlformats.spark.libsvm.LibsvmTestData.FORMAT;
import static io.mlformats.spark.libsvm.LibsvmTestData.LABELED;
import static io.mlformats.spark.libsvm.LibsvmTestData.byLabel;
import static io.mlformats.spark.libsvm.LibsvmTestData.frame;
import static io.mlformats.spark.libsvm.LibsvmTestData.lines;
import static io.mlformats.spark.libsvm.LibsvmTestData.partText;
import static io.mlformats.spark.libsvm.LibsvmTestData.parts;
import static io.mlformats.spark.libsvm.LibsvmTestData.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.spark.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.SparkException;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** sagemaker-libsvm writes: round trips, Spark's libsvm source both ways, column types, compression, partitions. */
@ExtendWith(SharedSpark.class)
class LibsvmWriteTest {
    @TempDir
    Path tmp;

    private static List<Row> sample() {
        return List.of(
                row(1.0, Vectors.sparse(6, new int[] {0, 2, 5}, new double[] {0.5, -3.0, 1e-7})),
                row(0.0, Vectors.sparse(6, new int[] {}, new double[] {})),
                row(2.5, Vectors.dense(1.0, 0.0, 0.1, 0.0, 0.0, 123456.789)),
                row(-1.0, Vectors.sparse(6, new int[] {1, 4}, new double[] {0.0, Double.MIN_VALUE})));
    }

    @Test
    void roundTripSparseAndDenseOursToOurs() {
        Dataset<Row> df = frame(sample(), LABELED);
        String out = tmp.resolve("rt").toString();
        df.coalesce(1).write().format(FORMAT).save(out);
        for (String type : new String[] {"sparse", "dense"}) {
            List<Row> back = byLabel(SharedSpark.session().read().format(FORMAT)
                    .option("numFeatures", "6").option("vectorType", type).load(out));
            List<Row> want = byLabel(df);
            assertEquals(4, back.size());
            for (int i = 0; i < 4; i++) {
                assertEquals(want.get(i).getDouble(0), back.get(i).getDouble(0));
                Vector w = (Vector) want.get(i).get(1);
                Vector g = (Vector) back.get(i).get(1);
                assertEquals(type.equals("dense") ? DenseVector.class : SparseVector.class, g.getClass());
                assertArrayEquals(w.toArray(), g.toArray(), type + " row " + i);
            }
        }
    }

    @Test
    void everyStoredEntryIsWrittenInTheShortestExactForm() throws Exception {
        Dataset<Row> df = frame(sample(), LABELED);
        String out = tmp.resolve("text").toString();
        df.coalesce(1).write().format(FORMAT).save(out);
        // Zero-based, dense zeros and explicit sparse zeros kept, "1" not "1.0".
        assertEquals(lines("1 0:0.5 2:-3 5:1e-7", "0", "2.5 0:1 1:0 2:0.1 3:0 4:0 5:123456.789",
                "-1 1:0 4:5e-324"), partText(Path.of(out), ".libsvm"));
    }

    @Test
    void multiLabelWeightAndQidRoundTrip() {
        StructType schema = new StructType(new StructField[] {
            new StructField("labels", DataTypes.createArrayType(DataTypes.DoubleType), true, Metadata.empty()),
            new StructField("features", SQLDataTypes.VectorType(), false, Metadata.empty()),
            new StructField("w", DataTypes.DoubleType, true, Metadata.empty()),
            new StructField("q", DataTypes.LongType, true, Metadata.empty())});
        Dataset<Row> multi = frame(List.of(
                row(List.of(1.0, 3.0), Vectors.sparse(4, new int[] {1}, new double[] {2.0}), null, 7L),
                row(List.of(), Vectors.sparse(4, new int[] {3}, new double[] {1.5}), null, null)), schema);
        String m = tmp.resolve("multi").toString();
        multi.coalesce(1).write().format(FORMAT).option("labelColumnName", "labels").option("qidColumnName", "q")
                .save(m);
        List<Row> back = SharedSpark.session().read().format(FORMAT).option("multiLabel", "true")
                .option("includeQid", "true").option("numFeatures", "4").load(m).collectAsList();
        assertEquals(List.of("labels", "features", "qid"),
                List.of(SharedSpark.session().read().format(FORMAT).option("multiLabel", "true")
                        .option("includeQid", "true").option("numFeatures", "4").load(m).columns()));
        Row a = back.get(0).getList(0).isEmpty() ? back.get(1) : back.get(0);
        Row b = back.get(0).getList(0).isEmpty() ? back.get(0) : back.get(1);
        assertEquals(List.of(1.0, 3.0), a.getList(0));
        assertEquals(Vectors.sparse(4, new int[] {1}, new double[] {2.0}), a.get(1));
        assertEquals(7L, a.getLong(2));
        assertEquals(List.of(), b.getList(0));
        assertTrue(b.isNullAt(2));

        StructType weighted = new StructType(new StructField[] {
            new StructField("y", DataTypes.IntegerType, false, Metadata.empty()),
            new StructField("x", DataTypes.createArrayType(DataTypes.FloatType), false, Metadata.empty()),
            new StructField("w", DataTypes.DoubleType, true, Metadata.empty()),
            new StructField("q", DataTypes.IntegerType, true, Metadata.empty())});
        Dataset<Row> w = frame(List.of(row(3, List.of(0.25f, 0f), 0.5, 2), row(4, List.of(1f, 2f), null, null)),
                weighted);
        String wo = tmp.resolve("weighted").toString();
        w.coalesce(1).write().format(FORMAT).option("labelColumnName", "y").option("featuresColumnName", "x")
                .option("weightColumnName", "w").option("qidColumnName", "q").save(wo);
        List<Row> wb = byLabel(SharedSpark.session().read().format(FORMAT).option("includeWeight", "true")
                .option("includeQid", "true").load(wo));
        assertEquals(3.0, wb.get(0).getDouble(0));
        assertEquals(Vectors.sparse(2, new int[] {0, 1}, new double[] {0.25, 0}), wb.get(0).get(1));
        assertEquals(0.5, wb.get(0).getDouble(2));
        assertEquals(2L, wb.get(0).getLong(3));
        assertEquals(1.0, wb.get(1).getDouble(2), "no weight reads as 1");
        assertTrue(wb.get(1).isNullAt(3));
    }

    @Test
    void sparkLibsvmToOursAndOursToSparkLibsvm() throws Exception {
        Dataset<Row> df = frame(sample(), LABELED);
        String spark = tmp.resolve("spark").toString();
        df.coalesce(1).write().format("libsvm").save(spark);
        assertTrue(partText(Path.of(spark), "").contains("1.0 1:0.5 3:-3.0 6:1.0E-7"), "Spark writes one-based");
        List<Row> ours = byLabel(SharedSpark.session().read().format(FORMAT).option("indexBase", "one")
                .load(spark));
        List<Row> theirs = byLabel(SharedSpark.session().read().format("libsvm").load(spark));
        assertEquals(theirs.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(theirs.get(i).getDouble(0), ours.get(i).getDouble(0));
            assertEquals(theirs.get(i).get(1), ours.get(i).get(1), "row " + i);
            assertArrayEquals(((Vector) theirs.get(i).get(1)).toArray(), ((Vector) ours.get(i).get(1)).toArray());
        }

        String one = tmp.resolve("one").toString();
        df.coalesce(1).write().format(FORMAT).option("indexBase", "one").save(one);
        List<Row> read = byLabel(SharedSpark.session().read().format("libsvm").option("numFeatures", "6").load(one));
        List<Row> want = byLabel(df);
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i).getDouble(0), read.get(i).getDouble(0));
            assertArrayEquals(((Vector) want.get(i).get(1)).toArray(), ((Vector) read.get(i).get(1)).toArray(),
                    "row " + i);
        }
    }

    @Test
    void mlAndMllibVectorsAndArraysAreWrittenIdentically() throws Exception {
        org.apache.spark.mllib.linalg.VectorUDT mllib = new org.apache.spark.mllib.linalg.VectorUDT();
        String[] texts = new String[4];
        Object[][] features = {
            {Vectors.dense(1, 0, 2.5), Vectors.dense(0, 0, 0)},
            {org.apache.spark.mllib.linalg.Vectors.dense(1, 0, 2.5),
                org.apache.spark.mllib.linalg.Vectors.dense(0, 0, 0)},
            {List.of(1.0, 0.0, 2.5), List.of(0.0, 0.0, 0.0)},
            {List.of(1f, 0f, 2.5f), List.of(0f, 0f, 0f)}};
        org.apache.spark.sql.types.DataType[] types = {SQLDataTypes.VectorType(), mllib,
            DataTypes.createArrayType(DataTypes.DoubleType), DataTypes.createArrayType(DataTypes.FloatType)};
        for (int k = 0; k < 4; k++) {
            StructType s = new StructType(new StructField[] {
                new StructField("label", DataTypes.DoubleType, false, Metadata.empty()),
                new StructField("features", types[k], false, Metadata.empty())});
            String out = tmp.resolve("v" + k).toString();
            frame(List.of(row(1.0, features[k][0]), row(0.0, features[k][1])), s).coalesce(1).write()
                    .format(FORMAT).save(out);
            texts[k] = partText(Path.of(out), ".libsvm");
        }
        assertEquals(lines("1 0:1 1:0 2:2.5", "0 0:0 1:0 2:0"), texts[0]);
        for (int k = 1; k < 4; k++) {
            assertEquals(texts[0], texts[k], types[k].simpleString());
        }
    }

    @Test
    void unsupportedColumnTypesFailBeforeAnyTaskNamingColumnTypeAndAccepted() throws Exception {
        StructType s = new StructType(new StructField[] {
            new StructField("label", DataTypes.StringType, false, Metadata.empty()),
            new StructField("features", SQLDataTypes.VectorType(), false, Metadata.empty())});
        Dataset<Row> bad = frame(List.of(row("a", Vectors.dense(1.0))), s);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bad.write().format(FORMAT).save(tmp.resolve("bad").toString()));
        assertTrue(e.getMessage().contains("label column 'label' has type string; accepted: tinyint, smallint, int,"
                + " bigint, float, double, decimal"), e.getMessage());

        StructType s2 = new StructType(new StructField[] {
            new StructField("label", DataTypes.DoubleType, false, Metadata.empty()),
            new StructField("features", DataTypes.createArrayType(DataTypes.StringType), false, Metadata.empty())});
        Dataset<Row> bad2 = frame(List.of(row(1.0, List.of("x"))), s2);
        e = assertThrows(IllegalArgumentException.class,
                () -> bad2.write().format(FORMAT).save(tmp.resolve("bad2").toString()));
        assertTrue(e.getMessage().contains("features column 'features' has type array<string>; accepted: an ml or "
                + "mllib vector, array<float>, array<double>"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> frame(sample(), LABELED).write().format(FORMAT)
                .option("featuresColumnName", "x").save(tmp.resolve("bad3").toString()));
        assertTrue(e.getMessage().contains("no features column 'x' among the columns label, features"),
                e.getMessage());
        assertTrue(!tmp.resolve("bad").toFile().exists() || parts(tmp.resolve("bad"), "").isEmpty(), "no task ran");
    }

    @Test
    void nonFiniteValuesAreRefusedNamingTheRowUnlessAllowed() throws Exception {
        Dataset<Row> df = frame(List.of(row(1.0, Vectors.dense(1.0)), row(2.0, Vectors.dense(Double.NaN))), LABELED);
        SparkException e = assertThrows(SparkException.class,
                () -> df.coalesce(1).write().format(FORMAT).save(tmp.resolve("nan").toString()));
        String chain = causes(e);
        assertTrue(chain.contains("cannot write row 1 (counted from 0) of "), chain);
        assertTrue(chain.contains("refusing to write the non-finite value NaN"), chain);
        assertTrue(chain.contains("allowNonFinite=true"), chain);

        String ok = tmp.resolve("nanok").toString();
        df.coalesce(1).write().format(FORMAT).option("allowNonFinite", "true").save(ok);
        assertEquals(lines("1 0:1", "2 0:NaN"), partText(Path.of(ok), ".libsvm"));
    }

    @Test
    void gzipCompressionWritesLibsvmGzReadableBack() throws Exception {
        Dataset<Row> df = frame(sample(), LABELED);
        String out = tmp.resolve("gz").toString();
        df.repartition(2).write().format(FORMAT).option("compression", "gzip").save(out);
        List<Path> files = parts(Path.of(out), "");
        assertFalse(files.isEmpty());
        for (Path p : files) {
            assertTrue(p.getFileName().toString().endsWith(".libsvm.gz"), p.toString());
        }
        List<Row> back = byLabel(SharedSpark.session().read().format(FORMAT).option("numFeatures", "6").load(out));
        List<Row> want = byLabel(df);
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(((Vector) want.get(i).get(1)).toArray(), ((Vector) back.get(i).get(1)).toArray());
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> df.write().format(FORMAT)
                .option("compression", "zip").save(tmp.resolve("zip").toString()));
        assertTrue(bad.getMessage().contains("option 'compression' must be none, uncompressed, bzip2"),
                bad.getMessage());
    }

    @Test
    void partitionByWritesDirectoriesThatReadBackWithDiscovery() {
        StructType s = LABELED.add("split", DataTypes.StringType);
        Dataset<Row> df = frame(List.of(
                row(1.0, Vectors.sparse(3, new int[] {0}, new double[] {1}), "train"),
                row(2.0, Vectors.sparse(3, new int[] {2}, new double[] {2}), "validation"),
                row(3.0, Vectors.sparse(3, new int[] {1}, new double[] {3}), "train")), s);
        String out = tmp.resolve("parts").toString();
        df.write().partitionBy("split").format(FORMAT).save(out);
        assertTrue(tmp.resolve("parts/split=train").toFile().isDirectory());
        Dataset<Row> back = SharedSpark.session().read().format(FORMAT).load(out);
        assertEquals(List.of("label", "features", "split"), List.of(back.columns()));
        List<Row> rows = byLabel(back);
        assertEquals(3, rows.size());
        assertEquals("train", rows.get(0).getString(2));
        assertEquals("validation", rows.get(1).getString(2));
        assertEquals(Vectors.sparse(3, new int[] {2}, new double[] {2}), rows.get(1).get(1));
        Set<Double> train = new TreeSet<>();
        for (Row r : back.where("split = 'train'").collectAsList()) {
            train.add(r.getDouble(0));
        }
        assertEquals(Set.of(1.0, 3.0), train);
    }

    static String causes(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }
}

package io.mlformats.spark.libsvm;

import static io.mlformats.spark.libsvm.LibsvmTestData.FORMAT;
import static io.mlformats.spark.libsvm.LibsvmTestData.assertSameFeatures;
import static io.mlformats.spark.libsvm.LibsvmTestData.byLabel;
import static io.mlformats.spark.libsvm.LibsvmTestData.library;
import static io.mlformats.spark.libsvm.LibsvmTestData.lines;
import static io.mlformats.spark.libsvm.LibsvmTestData.write;
import static io.mlformats.spark.libsvm.LibsvmWriteTest.causes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.FormatException;
import io.mlformats.libsvm.IndexBase;
import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.libsvm.LibSvmRow;
import io.mlformats.spark.testing.SharedSpark;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.SparkException;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.SQLDataTypes;
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

/** sagemaker-libsvm reads: schema, inference, splits, compressed input, count(), modes and located errors. */
@ExtendWith(SharedSpark.class)
class LibsvmReadTest {
    private static final String SAMPLE = lines("1 0:1 3:2.5", "# a comment", "", "0 2:-1", "2 7:0.125");

    @TempDir
    Path tmp;

    private static Dataset<Row> read(Path p, String... options) {
        var r = SharedSpark.session().read().format(FORMAT);
        for (int i = 0; i < options.length; i += 2) {
            r = r.option(options[i], options[i + 1]);
        }
        return r.load(p.toString());
    }

    @Test
    void schemaAndMetadataAreSparksAndNumFeaturesIsInferredOrGiven() throws Exception {
        Path p = write(tmp, "s.libsvm", SAMPLE);
        Dataset<Row> inferred = read(p);
        StructType s = inferred.schema();
        assertEquals(List.of("label", "features"), List.of(s.fieldNames()));
        assertEquals(DataTypes.DoubleType, s.apply("label").dataType());
        assertEquals(SQLDataTypes.VectorType(), s.apply("features").dataType());
        Metadata m = s.apply("features").metadata();
        assertEquals(8L, m.getLong("numFeatures"), "zero-based: largest index 7 + 1");
        assertEquals(8, AttributeGroup.fromStructField(s.apply("features")).size());
        // The same metadata as Spark's own source gives for the same width (one-based: index 8 = 8 features).
        Path one = write(tmp, "one.libsvm", lines("1 1:1 8:2"));
        Metadata spark = SharedSpark.session().read().format("libsvm").load(one.toString()).schema()
                .apply("features").metadata();
        assertEquals(spark.getLong("numFeatures"), m.getLong("numFeatures"));
        assertEquals(spark.getMetadata("ml_attr").json(), m.getMetadata("ml_attr").json());

        List<Row> rows = byLabel(inferred);
        assertEquals(Vectors.sparse(8, new int[] {0, 3}, new double[] {1, 2.5}), rows.get(1).get(1));
        assertEquals(Vectors.sparse(8, new int[] {7}, new double[] {0.125}), rows.get(2).get(1));

        Dataset<Row> given = read(p, "numFeatures", "10", "vectorType", "dense");
        assertEquals(10L, given.schema().apply("features").metadata().getLong("numFeatures"));
        assertEquals(Vectors.dense(0, 0, -1, 0, 0, 0, 0, 0, 0, 0), byLabel(given).get(0).get(1));

        SparkException e = assertThrows(SparkException.class, () -> read(p, "numFeatures", "5").collectAsList());
        FormatException f = formatCause(e);
        assertTrue(f.getMessage().contains("feature index 7 is not below numFeatures 5"), f.getMessage());
        assertEquals(5, f.position().line());
    }

    @Test
    void optionErrorsNameTheOptionAsSparkDoes() throws Exception {
        Path p = write(tmp, "o.libsvm", SAMPLE);
        IllegalArgumentException ours = assertThrows(IllegalArgumentException.class,
                () -> read(p, "vectorType", "dens", "numFeatures", "8").schema());
        IllegalArgumentException theirs = assertThrows(IllegalArgumentException.class,
                () -> SharedSpark.session().read().format("libsvm").option("vectorType", "dens")
                        .option("numFeatures", "8").load(p.toString()).collectAsList());
        assertEquals(theirs.getMessage(), ours.getMessage());
        IllegalArgumentException base = assertThrows(IllegalArgumentException.class,
                () -> read(p, "indexBase", "two").schema());
        assertTrue(base.getMessage().contains("option 'indexBase' must be one of zero, one, auto, got 'two'"),
                base.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> read(p, "mode", "lenient").schema());
        assertTrue(mode.getMessage().contains("failfast, dropmalformed, permissive"), mode.getMessage());
    }

    @Test
    void indexBaseAutoIsSettledByTheInferencePass() throws Exception {
        Path oneBased = write(tmp, "a1.libsvm", lines("1 1:1 4:2", "0 2:3"));
        Dataset<Row> a = read(oneBased, "indexBase", "auto");
        assertEquals(4L, a.schema().apply("features").metadata().getLong("numFeatures"));
        assertEquals(Vectors.sparse(4, new int[] {0, 3}, new double[] {1, 2}), byLabel(a).get(1).get(1));
        // numFeatures given: the pass still runs, for the base only.
        assertEquals(Vectors.sparse(6, new int[] {1}, new double[] {3}),
                byLabel(read(oneBased, "indexBase", "auto", "numFeatures", "6")).get(0).get(1));

        Path zeroBased = write(tmp, "a0.libsvm", lines("1 0:1 4:2", "0 2:3"));
        Dataset<Row> z = read(zeroBased, "indexBase", "auto");
        assertEquals(5L, z.schema().apply("features").metadata().getLong("numFeatures"));
        assertEquals(Vectors.sparse(5, new int[] {0, 4}, new double[] {1, 2}), byLabel(z).get(1).get(1));
    }

    @Test
    void weightAndQidColumns() throws Exception {
        Path p = write(tmp, "wq.libsvm", lines("1:0.5 qid:3 0:1", "2 qid:4 1:1", "3:2 2:2"));
        Dataset<Row> df = read(p, "includeWeight", "true", "includeQid", "true");
        assertEquals(List.of("label", "features", "weight", "qid"), List.of(df.columns()));
        List<Row> rows = byLabel(df);
        assertEquals(0.5, rows.get(0).getDouble(2));
        assertEquals(3L, rows.get(0).getLong(3));
        assertEquals(1.0, rows.get(1).getDouble(2));
        assertEquals(4L, rows.get(1).getLong(3));
        assertEquals(2.0, rows.get(2).getDouble(2));
        assertTrue(rows.get(2).isNullAt(3));
        // Only the selected column is built.
        assertEquals(List.of(3L, 4L), df.select("qid").where("qid is not null").orderBy("qid")
                .as(org.apache.spark.sql.Encoders.LONG()).collectAsList());
    }

    /** A few hundred lines of varied lengths, each with a distinct label (its line number). */
    private static String variedLines(int n) {
        SplittableRandom rnd = new SplittableRandom(12);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i);
            int nnz = rnd.nextInt(i % 7 == 0 ? 60 : 12);
            int col = 0;
            for (int k = 0; k < nnz; k++) {
                col += 1 + rnd.nextInt(20);
                sb.append(' ').append(col).append(':').append(rnd.nextInt(1000) / 8.0);
            }
            if (i % 50 == 3) {
                sb.append("\n# comment line\n");
            } else if (i % 61 == 5) {
                sb.append("\r\n\n");
            } else {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void splitsReadEveryRecordExactlyOnce() throws Exception {
        Path p = write(tmp, "split.libsvm", variedLines(400));
        long size = Files.size(p);
        assertTrue(size > 20_000, "file of " + size + " bytes");
        List<LibSvmRow> expected = library(p, LibSvmReadOptions.defaults());
        assertEquals(400, expected.size());
        for (String max : new String[] {"4096", "4097", "10000", "65536"}) {
            SharedSpark.withConf(() -> {
                Dataset<Row> df = read(p, "numFeatures", "2000");
                int partitions = df.rdd().getNumPartitions();
                assertTrue(partitions > 1, max + ": " + partitions + " partitions");
                List<Row> rows = byLabel(df);
                assertEquals(expected.size(), rows.size(), max);
                for (int i = 0; i < rows.size(); i++) {
                    assertEquals(i, rows.get(i).getDouble(0), max + ": row " + i);
                    assertSameFeatures(expected.get(i), (Vector) rows.get(i).get(1), max + " row " + i);
                }
                assertEquals(expected.size(), df.count(), max + ": count()");
            }, "spark.sql.files.maxPartitionBytes", max, "spark.sql.files.openCostInBytes", "0");
        }
    }

    @Test
    void gzipInputIsReadWholeInOnePartition() throws Exception {
        String text = variedLines(300);
        Path plain = write(tmp, "plain.libsvm", text);
        Path gz = tmp.resolve("z.libsvm.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        List<LibSvmRow> expected = library(plain, LibSvmReadOptions.defaults());
        SharedSpark.withConf(() -> {
            Dataset<Row> df = read(gz, "numFeatures", "2000");
            assertEquals(1, df.rdd().getNumPartitions());
            List<Row> rows = byLabel(df);
            assertEquals(expected.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(i, rows.get(i).getDouble(0));
                assertSameFeatures(expected.get(i), (Vector) rows.get(i).get(1), "row " + i);
            }
            // Inferred width over the gzip file equals the library's.
            assertEquals(1 + expected.stream().mapToInt(r -> r.nnz() == 0 ? -1 : r.features().index(r.nnz() - 1))
                    .max().getAsInt(), read(gz).schema().apply("features").metadata().getLong("numFeatures"));
        }, "spark.sql.files.maxPartitionBytes", "4096", "spark.sql.files.openCostInBytes", "0");
    }

    @Test
    void countWalksLinesWithoutParsing() throws Exception {
        // Two malformed lines: count() does not parse, so FAILFAST counts them as records (as Spark's csv and json
        // sources count without parsing when no column is needed); DROPMALFORMED must parse to drop them.
        Path p = write(tmp, "c.libsvm", lines("1 0:1", "x y z", "# c", "", "2 1:oops", "3 2:2"));
        assertEquals(4, read(p, "numFeatures", "3").count());
        assertEquals(2, read(p, "numFeatures", "3", "mode", "DROPMALFORMED").count());
        assertEquals(4, read(p, "numFeatures", "3", "mode", "PERMISSIVE").count());
        assertThrows(SparkException.class, () -> read(p, "numFeatures", "3").collectAsList());
        // On a good file count() equals the rows a full read gives.
        Path good = write(tmp, "g.libsvm", variedLines(300));
        assertEquals(read(good, "numFeatures", "2000").collectAsList().size(), read(good, "numFeatures", "2000")
                .count());
    }

    @Test
    void modesFailDropOrKeepBadLines() throws Exception {
        Path p = write(tmp, "m.libsvm", lines("1 0:1", "x 1:1", "2 1:2 1:3", "3 2:2"));
        SparkException e = assertThrows(SparkException.class, () -> read(p, "numFeatures", "3").collectAsList());
        FormatException f = formatCause(e);
        String path = p.toUri().getPath();
        // file:line:offset: record N: detail, the library's message.
        assertTrue(f.getMessage().startsWith("file:" + path + ":2:6: record 1: expected a number as label, found 'x'")
                || f.getMessage().contains(path + ":2:6: record 1: expected a number as label"), f.getMessage());
        assertEquals(2, f.position().line());
        assertEquals(6, f.position().byteOffset());
        assertTrue(causes(e).contains(path + ":2:6"), causes(e));

        List<Row> dropped = byLabel(read(p, "numFeatures", "3", "mode", "DROPMALFORMED"));
        assertEquals(List.of(1.0, 3.0), dropped.stream().map(r -> r.getDouble(0)).toList());

        StructType schema = new StructType(new StructField[] {
            new StructField("label", DataTypes.DoubleType, true, Metadata.empty()),
            new StructField("features", SQLDataTypes.VectorType(), true, Metadata.empty()),
            new StructField("_corrupt_record", DataTypes.StringType, true, Metadata.empty())});
        List<Row> kept = SharedSpark.session().read().format(FORMAT).schema(schema).option("numFeatures", "3")
                .option("mode", "PERMISSIVE").load(p.toString()).collectAsList();
        assertEquals(4, kept.size());
        assertEquals(1.0, kept.get(0).getDouble(0));
        assertTrue(kept.get(0).isNullAt(2));
        assertTrue(kept.get(1).isNullAt(0));
        assertTrue(kept.get(1).isNullAt(1));
        assertEquals("x 1:1", kept.get(1).getString(2));
        assertEquals("2 1:2 1:3", kept.get(2).getString(2));
        assertEquals(Vectors.sparse(3, new int[] {2}, new double[] {2}), kept.get(3).get(1));

        // Without the corrupt column a bad line is a row of nulls; another name via columnNameOfCorruptRecord.
        List<Row> nulls = SharedSpark.session().read().format(FORMAT).schema(
                new StructType(new StructField[] {schema.fields()[0], schema.fields()[1],
                    new StructField("bad", DataTypes.StringType, true, Metadata.empty())}))
                .option("numFeatures", "3").option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", "bad")
                .load(p.toString()).collectAsList();
        assertEquals("x 1:1", nulls.get(1).getString(2));
        List<Row> plain = read(p, "numFeatures", "3", "mode", "PERMISSIVE").collectAsList();
        assertEquals(4, plain.size());
        assertTrue(plain.get(1).isNullAt(0) && plain.get(1).isNullAt(1));

        // The inference pass fails on a bad line only under FAILFAST; otherwise the good lines give the width.
        assertEquals(3L, read(p, "mode", "PERMISSIVE").schema().apply("features").metadata().getLong("numFeatures"));
        assertEquals(3L, read(p, "mode", "DROPMALFORMED").schema().apply("features").metadata()
                .getLong("numFeatures"));
        assertEquals(1, formatCause(assertThrows(SparkException.class, () -> read(p).schema())).position()
                .recordIndex());
    }

    @Test
    void userSchemaWithoutWidthIsRefusedWithAHint() throws Exception {
        Path p = write(tmp, "u.libsvm", SAMPLE);
        StructType schema = new StructType(new StructField[] {
            new StructField("label", DataTypes.DoubleType, true, Metadata.empty()),
            new StructField("features", SQLDataTypes.VectorType(), true, Metadata.empty())});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SharedSpark.session().read().format(FORMAT).schema(schema).load(p.toString()).collectAsList());
        assertTrue(e.getMessage().contains("set the option numFeatures"), e.getMessage());
    }

    static FormatException formatCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FormatException f) {
                return f;
            }
        }
        throw new AssertionError("no FormatException in " + causes(t), t);
    }

    @Test
    void librarySeesTheSameFileAsSpark() throws Exception {
        // Guards the oracle used by the split tests: the library reads zero-based, float64.
        Path p = write(tmp, "l.libsvm", SAMPLE);
        List<LibSvmRow> rows = library(p, LibSvmReadOptions.defaults().withIndexBase(IndexBase.ZERO));
        assertEquals(3, rows.size());
        assertNotNull(rows.get(0).features());
        assertSameFeatures(rows.get(0), (Vector) byLabel(read(p)).get(1).get(1), "row 0");
    }
}

package io.mlformats.spark.libsvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.libsvm.LibSvmReader;
import io.mlformats.libsvm.LibSvmRow;
import io.mlformats.core.vector.ValueType;
import io.mlformats.spark.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Helpers shared by the sagemaker-libsvm tests: small DataFrames, files and value-by-value comparisons. */
final class LibsvmTestData {
    static final String FORMAT = "sagemaker-libsvm";
    static final StructType LABELED = new StructType(new StructField[] {
        new StructField("label", DataTypes.DoubleType, false, Metadata.empty()),
        new StructField("features", SQLDataTypes.VectorType(), false, Metadata.empty())});

    private LibsvmTestData() {
    }

    static Dataset<Row> frame(List<Row> rows, StructType schema) {
        return SharedSpark.session().createDataFrame(rows, schema);
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** The concatenated text of the part files under {@code dir} whose names end in {@code suffix}, sorted by name. */
    static String partText(Path dir, String suffix) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path p : parts(dir, suffix)) {
            sb.append(Files.readString(p, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    static List<Path> parts(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")
                    && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Rows sorted by label (tests give every row a distinct label). */
    static List<Row> byLabel(Dataset<Row> df) {
        List<Row> rows = new ArrayList<>(df.collectAsList());
        rows.sort(Comparator.comparingDouble(r -> r.getDouble(r.fieldIndex("label"))));
        return rows;
    }

    /** Every row of a file as the library reads it (float64, the given base), in order. */
    static List<LibSvmRow> library(Path file, LibSvmReadOptions options) throws IOException {
        List<LibSvmRow> out = new ArrayList<>();
        try (LibSvmReader r = LibSvmReader.open(file, options.withValueType(ValueType.FLOAT64))) {
            while (r.next()) {
                out.add(r.current().copy());
            }
        }
        return out;
    }

    /**
     * Asserts that a Spark vector holds exactly the library row's features, bit for bit: a sparse vector its
     * entries, a dense one the row's values at their indices and zeros elsewhere.
     */
    static void assertSameFeatures(LibSvmRow expected, Vector actual, String where) {
        var f = expected.features();
        if (actual instanceof org.apache.spark.ml.linalg.SparseVector sv) {
            assertEquals(f.nnz(), sv.indices().length, where + ": nnz");
            for (int k = 0; k < f.nnz(); k++) {
                assertEquals(f.index(k), sv.indices()[k], where + ": index " + k);
                assertEquals(Double.doubleToLongBits(f.value(k)), Double.doubleToLongBits(sv.values()[k]),
                        where + ": value " + k);
            }
            return;
        }
        double[] want = new double[actual.size()];
        for (int k = 0; k < f.nnz(); k++) {
            want[f.index(k)] = f.value(k);
        }
        double[] got = actual.toArray();
        for (int i = 0; i < want.length; i++) {
            assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]), where + ": value " + i);
        }
    }

    static Row row(Object... values) {
        return RowFactory.create(values);
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static double[] doubles(double... v) {
        return Arrays.copyOf(v, v.length);
    }
}

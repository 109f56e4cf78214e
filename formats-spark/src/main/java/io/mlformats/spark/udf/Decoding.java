package io.mlformats.spark.udf;

import io.mlformats.core.TabularReader;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import java.io.IOException;
import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the {@code from_*} functions share: read exactly one record with a library reader and turn it into
 * {@code struct<label double, features vector>} (ml {@code VectorUDT}). A UDF's result is an external
 * {@link Row}, so here objects per row are unavoidable; the parsing is the library's, with its errors.
 */
final class Decoding {
    /** {@code struct<label double, features vector>}: the label is null when the record has none. */
    static final StructType LABELED_VECTOR = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
        DataTypes.createStructField("label", DataTypes.DoubleType, true),
        DataTypes.createStructField("features", SQLDataTypes.VectorType(), true)});

    private Decoding() {
    }

    /** An opened reader over one input. */
    interface Opener {
        TabularReader<?> open() throws IOException;
    }

    /**
     * Reads the one record of {@code what}.
     *
     * @param function  the SQL function, for messages
     * @param what      the input as shown in messages (the row's text, or its length for binary)
     * @param expected  what the input should be, for messages
     * @param dimension the sparse vector size to use, or -1 for the record's own (or its largest index + 1)
     * @throws IllegalArgumentException naming the function, the input, the library's error (with the offset) and
     *                                  what was expected
     */
    static Row one(String function, String what, String expected, long dimension, Opener opener) {
        try (TabularReader<?> reader = opener.open()) {
            if (!reader.next()) {
                throw new IllegalArgumentException(function + ": " + what + " holds no record; expected " + expected);
            }
            LabeledRow row = reader.currentRow();
            Object label = row.labelCount() > 0 ? (Object) row.label(0) : null;
            Vector features = vector(function, what, row, dimension);
            if (reader.next()) {
                throw new IllegalArgumentException(function + ": " + what + " holds more than one record (the second at "
                        + reader.position() + "); expected " + expected);
            }
            return RowFactory.create(label, features);
        } catch (IOException e) { // FormatException and its kinds: the library's message holds the offset
            throw new IllegalArgumentException(function + ": cannot read " + what + ": " + e.getMessage()
                    + "; expected " + expected, e);
        }
    }

    private static Vector vector(String function, String what, LabeledRow row, long dimension) {
        if (!row.isSparse()) {
            DenseVector d = row.dense();
            double[] v = new double[d.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = d.value(i);
            }
            return Vectors.dense(v);
        }
        SparseVector s = row.sparse();
        long dim = dimension > 0 ? dimension : s.dimension();
        if (!s.isStrictlyAscending()) { // Spark's sparse vectors need strictly ascending indices
            s = s.copy();
            s.sortByIndex();
            for (int i = 1; i < s.nnz(); i++) {
                if (s.index(i) == s.index(i - 1)) {
                    throw new IllegalArgumentException(function + ": " + what + " has feature index " + s.index(i)
                            + " twice; expected each index at most once");
                }
            }
        }
        int n = s.nnz();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = s.value(i);
        }
        return sized(function, what, Arrays.copyOf(s.indices(), n), v, dim);
    }

    private static Vector sized(String function, String what, int[] idx, double[] v, long dimension) {
        long need = idx.length == 0 ? 0 : idx[idx.length - 1] + 1L;
        long size = dimension > 0 ? dimension : need;
        if (need > size) {
            throw new IllegalArgumentException(function + ": " + what + " has feature index " + (need - 1)
                    + "; expected indices below num_features " + size);
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(function + ": " + what + " has " + size + " features; a Spark vector "
                    + "holds at most " + Integer.MAX_VALUE);
        }
        return Vectors.sparse((int) size, idx, v);
    }
}

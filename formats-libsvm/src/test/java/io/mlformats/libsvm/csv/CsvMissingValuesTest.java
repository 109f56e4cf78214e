package io.mlformats.libsvm.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSources;
import io.mlformats.core.validate.TabularAlgorithm;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.libsvm.LibSvmReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 7: how absent sparse entries are written to CSV follows the algorithm the CSV is for. XGBoost
 * reads an empty field as missing (as it reads an absent LibSVM entry); the algorithms without missing values
 * need 0, which their validator accepts; a dense row's NaN is a missing value and stays empty either way.
 */
class CsvMissingValuesTest {

    private static String write(CsvWriteOptions o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter w = CsvWriter.open(out, o.withNumFeatures(4));
             LibSvmReader r = LibSvmReader.open(ByteSources.of("1 1:2.5\n".getBytes(StandardCharsets.US_ASCII))
                     .input(), LibSvmReadOptions.defaults())) {
            LabeledRow sparse = new LabeledRow();
            sparse.addLabel(0);
            SparseVector v = SparseVector.of(ValueType.FLOAT32, 4);
            v.append(2, 7f);
            v.setDimension(4);
            sparse.setFeatures(v);
            w.writeRow(sparse);
            LabeledRow dense = new LabeledRow();
            dense.addLabel(1);
            DenseVector d = DenseVector.of(ValueType.FLOAT32, 4);
            for (float f : new float[] {1f, Float.NaN, 0f, 3f}) {
                d.append(f);
            }
            dense.setFeatures(d);
            w.writeRow(dense);
            assertTrue(r.next());
            w.write(r.current());
            w.commit();
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void absentEntriesFollowTheAlgorithm() throws IOException {
        assertFalse(CsvWriteOptions.defaults().absentAsZero(), "the default keeps absent entries missing");
        assertEquals("0,,,7,\n1,1,,0,3\n1,,2.5,,\n", write(CsvWriteOptions.defaults()));
        assertEquals(write(CsvWriteOptions.defaults()), write(CsvWriteOptions.defaults()
                .forAlgorithm(TabularAlgorithm.XGBOOST)));
        String zeros = "0,0,0,7,0\n1,1,,0,3\n1,0,2.5,0,0\n";
        for (TabularAlgorithm a : new TabularAlgorithm[] {TabularAlgorithm.LINEAR_LEARNER, TabularAlgorithm.KNN,
                TabularAlgorithm.FACTORIZATION_MACHINES, TabularAlgorithm.KMEANS, TabularAlgorithm.PCA}) {
            assertTrue(a.absentEntriesAreZero(), a.toString());
            assertEquals(zeros, write(CsvWriteOptions.defaults().forAlgorithm(a)), a.toString());
        }
        assertFalse(TabularAlgorithm.XGBOOST.absentEntriesAreZero());
    }
}

package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.RecordReader;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.libsvm.LibSvmReader;
import io.mlformats.libsvm.csv.CsvReadOptions;
import io.mlformats.libsvm.csv.CsvReader;
import io.mlformats.parquet.ParquetFeatureReader;
import io.mlformats.parquet.ParquetFeatureWriter;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.testkit.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 8: readers kept returning records after close() (the gzip one then failed with a
 * NullPointerException). Every reader refuses use after close with an IllegalStateException.
 */
class UseAfterCloseTest {

    @FunctionalInterface
    interface Opener {
        RecordReader<?> open() throws IOException;
    }

    private static void refusesAfterClose(String what, Opener opener) throws IOException {
        RecordReader<?> r = opener.open();
        assertTrue(r.next(), what + " has a first record");
        r.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, r::next, what);
        assertTrue(e.getMessage().contains("closed"), what + ": " + e.getMessage());
        r.close();   // idempotent
    }

    @Test
    void everyKindOfReaderRefusesNextAfterClose(@TempDir Path dir) throws IOException {
        Path libsvm = Golden.path("libsvm/real/xgboost_agaricus.txt.train");
        refusesAfterClose("libsvm", () -> LibSvmReader.open(libsvm));
        Path gz = dir.resolve("train.libsvm.gz");
        Files.write(gz, io.mlformats.testkit.AdversarialInputs.gzip(Files.readAllBytes(libsvm)));
        refusesAfterClose("libsvm gzip", () -> LibSvmReader.open(gz));
        Path csv = Files.writeString(dir.resolve("t.csv"), "1,2,3\n0,4,5\n", StandardCharsets.US_ASCII);
        refusesAfterClose("csv", () -> CsvReader.open(csv, CsvReadOptions.defaults()));
        refusesAfterClose("deepar", () -> DeepArReader.open(Golden.path("jsonlines/deepar/deepar_basic.jsonl")));
        refusesAfterClose("recordio-protobuf", () -> RecordProtobufReader.open(
                Golden.path("recordio/dense_f32_5x4_label_f32.pbr")));
        Path parquet = dir.resolve("t.parquet");
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(parquet)) {
            LabeledRow row = new LabeledRow();
            row.addLabel(1);
            row.setFeatures(SparseVector.ofFloat32(2, new int[] {0, 1}, new float[] {1f, 2f}));
            w.write(row);
            w.write(row);
            w.commit();
        }
        refusesAfterClose("parquet", () -> ParquetFeatureReader.open(parquet));
        assertEquals(2, Files.readAllLines(csv).size());
    }
}

package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadMode;
import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.deepar.DeepArSeriesView;
import io.mlformats.libsvm.IndexBase;
import io.mlformats.libsvm.LibSvmLoader;
import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.libsvm.LibSvmReader;
import io.mlformats.libsvm.LibSvmRow;
import io.mlformats.libsvm.LibSvmWriteOptions;
import io.mlformats.libsvm.LibSvmWriter;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.recordio.protobuf.RecordProtobufWriter;
import io.mlformats.recordio.protobuf.TensorView;
import io.mlformats.testkit.Golden;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java snippets of the top-level README, compiled and run on real files so the README cannot rot. */
class ReadmeExamplesTest {

    @Test
    void streamLibSvmIntoRecordIoProtobufThenReadItBack(@TempDir Path dir) throws IOException {
        Path trainLibsvm = Golden.path("libsvm/real/xgboost_agaricus.txt.train");
        Path trainPbr = dir.resolve("train.pbr");

        LibSvmReadOptions options = LibSvmReadOptions.defaults().withIndexBase(IndexBase.ONE).withNumFeatures(126);
        try (LibSvmReader reader = LibSvmReader.open(trainLibsvm, options);
             RecordProtobufWriter writer = RecordProtobufWriter.open(trainPbr)) {
            while (reader.next()) {
                LibSvmRow row = reader.current();
                writer.writeSparse(row.features(), row.label());
            }
            writer.commit();                         // train.pbr appears here, complete
        }

        int records = 0;
        double sum = 0;
        try (RecordProtobufReader reader = RecordProtobufReader.open(trainPbr)) {
            while (reader.next()) {
                TensorView x = reader.current().features();
                assertEquals(126, x.shape(0));
                FloatBuffer values = x.float32Buffer();
                for (int i = 0; i < values.remaining(); i++) {
                    sum += values.get(i);
                }
                records++;
            }
        }
        assertEquals(6513, records);
        assertEquals(6513 * 22, sum, "agaricus has 22 ones per row");
    }

    @Test
    void loadInParallelEqualsOneThread(@TempDir Path dir) throws IOException {
        Path train = Golden.path("libsvm/real/xgboost_agaricus.txt.train");
        CsrMatrix m = LibSvmLoader.loadParallel(train, LibSvmReadOptions.defaults(), 4);
        long[] indptr = m.indptr();
        int[] indices = m.indices();
        float[] values = m.floatValues();
        double[] y = m.labels();
        assertEquals(6513, m.numRows());
        assertEquals(127, m.numCols(), "0-based reading of a 1-based file keeps column 0 empty");
        assertEquals(143286, indptr[m.numRows()]);
        assertEquals(indices.length, values.length);
        assertEquals(6513, y.length);
        assertEquals(LibSvmLoader.load(train, LibSvmReadOptions.defaults()), m);
        Path copy = dir.resolve("copy.libsvm");
        try (LibSvmWriter w = LibSvmWriter.open(copy, LibSvmWriteOptions.defaults())) {
            w.write(m, 4);
            w.commit();
        }
        // Canonical text: the 0-based matrix is written 0-based, so column indices read back unchanged.
        assertEquals(m, LibSvmLoader.load(copy, LibSvmReadOptions.defaults()));
    }

    @Test
    void readDeepArSeries() throws IOException {
        Path train = Golden.path("jsonlines/deepar/deepar_basic.json.gz");
        int series = 0;
        try (DeepArReader reader = DeepArReader.open(train, DeepArReadOptions.training())) {
            while (reader.next()) {
                DeepArSeriesView s = reader.current();
                assertTrue(s.targetLength() > 0);
                series++;
            }
        }
        assertTrue(series > 0);
    }

    @Test
    void skipBadRecordsAndReportThem(@TempDir Path dir) throws IOException {
        Path path = Files.writeString(dir.resolve("train.libsvm"), "1 0:1 2:3\n0 17 5:1\n1 1:2\n",
                StandardCharsets.US_ASCII);
        LibSvmReadOptions lenient = LibSvmReadOptions.defaults().withMode(ReadMode.LENIENT)
                .withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT);
        List<String> messages = new ArrayList<>();
        int rows = 0;
        try (LibSvmReader reader = LibSvmReader.open(path, lenient)) {
            while (reader.next()) {
                rows++;
            }
            for (FormatException e : reader.stats().errors()) {
                messages.add(e.getMessage());
            }
        }
        assertEquals(2, rows);
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).startsWith(path + ":2:"), messages.get(0));
        assertTrue(messages.get(0).contains("record 1"), messages.get(0));
    }
}

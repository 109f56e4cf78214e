package io.mlformats.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadMode;
import io.mlformats.core.SeekableInput;
import io.mlformats.core.validate.TabularAlgorithm;
import io.mlformats.core.validate.TabularValidator;
import io.mlformats.core.validate.TabularValidatorOptions;
import io.mlformats.core.validate.ValidationProblem;
import io.mlformats.core.validate.ValidationReport;
import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.deepar.DeepArProblem;
import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.deepar.DeepArSeriesView;
import io.mlformats.deepar.DeepArValidator;
import io.mlformats.deepar.DeepArValidatorOptions;
import io.mlformats.libsvm.IndexBase;
import io.mlformats.libsvm.LibSvmLoader;
import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.libsvm.LibSvmReader;
import io.mlformats.libsvm.LibSvmRow;
import io.mlformats.libsvm.LibSvmWriteOptions;
import io.mlformats.libsvm.LibSvmWriter;
import io.mlformats.parquet.ParquetFeatureReadOptions;
import io.mlformats.parquet.ParquetFeatureReader;
import io.mlformats.parquet.ParquetFeatureWriter;
import io.mlformats.recordio.protobuf.RecordProtobufReadOptions;
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
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of the top-level README, compiled and run on real files so the README cannot rot. This class
 * uses exported packages only (ApiShapeTest checks it): what it does, any user of the library can do.
 */
class ReadmeExamplesTest {
    private static final Path AGARICUS = Golden.path("libsvm/real/xgboost_agaricus.txt.train");

    /** The README's first example: returns the labels written, in order. */
    private static List<Double> libSvmToRecordIoProtobuf(Path trainLibsvm, Path trainPbr) throws IOException {
        List<Double> labels = new ArrayList<>();
        LibSvmReadOptions options = LibSvmReadOptions.defaults().withIndexBase(IndexBase.ONE).withNumFeatures(126);
        try (LibSvmReader reader = LibSvmReader.open(trainLibsvm, options);
             RecordProtobufWriter writer = RecordProtobufWriter.open(trainPbr)) {
            while (reader.next()) {
                LibSvmRow row = reader.current();
                writer.writeSparse(row.features(), row.label());
                labels.add(row.label());
            }
            writer.commit();
        }
        return labels;
    }

    @Test
    void streamLibSvmIntoRecordIoProtobufThenReadItBack(@TempDir Path dir) throws IOException {
        Path trainPbr = dir.resolve("train.pbr");
        libSvmToRecordIoProtobuf(AGARICUS, trainPbr);

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
    void withoutCommitNothingIsPublishedAndAnOldFileSurvives(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out.pbr");
        byte[] old = "a complete file from yesterday".getBytes(StandardCharsets.UTF_8);
        Files.write(out, old);
        // The reproduction: the caller's own code fails inside try-with-resources.
        assertThrows(IllegalStateException.class, () -> {
            try (RecordProtobufWriter w = RecordProtobufWriter.open(out)) {
                w.writeDense(new float[] {1, 2, 3}, 1f);
                w.writeDense(new float[] {1, 2, 3}, 0f);
                throw new IllegalStateException("caller failed mid-way");
            }
        });
        assertArrayEquals(old, Files.readAllBytes(out));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void loadInParallelEqualsOneThread(@TempDir Path dir) throws IOException {
        CsrMatrix m = LibSvmLoader.loadParallel(AGARICUS, LibSvmReadOptions.defaults(), 4);
        long[] indptr = m.indptr();
        int[] indices = m.indices();
        float[] values = m.floatValues();
        double[] y = m.labels();
        assertEquals(6513, m.numRows());
        assertEquals(127, m.numCols(), "0-based reading of a 1-based file keeps column 0 empty");
        assertEquals(143286, indptr[m.numRows()]);
        assertEquals(indices.length, values.length);
        assertEquals(6513, y.length);
        assertEquals(LibSvmLoader.load(AGARICUS, LibSvmReadOptions.defaults()), m);
        Path copy = dir.resolve("copy.libsvm");
        try (LibSvmWriter w = LibSvmWriter.open(copy, LibSvmWriteOptions.defaults())) {
            w.write(m, 4);
            w.commit();
        }
        assertEquals(m, LibSvmLoader.load(copy, LibSvmReadOptions.defaults()));
    }

    /** The README's validation example over one LibSVM file. */
    private static ValidationReport validateForXgboost(Path file, int numClasses) throws IOException {
        TabularValidator xgboost = new TabularValidator(TabularAlgorithm.XGBOOST,
                TabularValidatorOptions.defaults().withNumClasses(numClasses));
        try (LibSvmReader reader = LibSvmReader.open(file, LibSvmReadOptions.defaults())) {
            while (reader.next()) {
                xgboost.check(reader.currentRow(), reader.position());
            }
        }
        return xgboost.finish();
    }

    @Test
    void validateLibSvmForXgboostWithTheLibraryAlone(@TempDir Path dir) throws IOException {
        ValidationReport good = validateForXgboost(AGARICUS, 2);
        assertEquals(6513, good.records());
        assertFalse(good.hasErrors(), good.toString());

        Path bad = Files.writeString(dir.resolve("train.libsvm"), "1 0:1\n2 0:1\n0 3:1\n", StandardCharsets.US_ASCII);
        ValidationReport r = validateForXgboost(bad, 2);
        assertEquals(3, r.records());
        assertEquals(1, r.errorCount());
        ValidationProblem p = r.problems().get(0);
        assertEquals(TabularValidator.LABEL_NOT_A_CLASS, p.code());
        assertEquals(ValidationProblem.Severity.ERROR, p.severity());
        assertEquals(1, p.position().recordIndex());
        assertEquals(6, p.position().byteOffset(), "the second line starts at byte 6");
        assertEquals(2, p.position().line());
    }

    @Test
    void validateDeepArWithTheLibraryAlone(@TempDir Path dir) throws IOException {
        ValidationReport golden = DeepArValidator.validate(Golden.path("jsonlines/deepar/deepar_basic.jsonl"),
                DeepArValidatorOptions.training(1));
        assertTrue(golden.records() > 0);
        assertFalse(golden.withCode(DeepArProblem.INVALID_JSON.name()).size() > 0, golden.toString());

        Path mixed = Files.writeString(dir.resolve("train.json"),
                "{\"start\": \"2020-01-01 00:00:00\", \"target\": [1, 2, 3], \"cat\": [0]}\n"
                        + "{\"start\": \"2020-01-01 00:00:00\", \"target\": [4, 5, 6], \"cat\": [0, 1]}\n",
                StandardCharsets.UTF_8);
        ValidationReport r = DeepArValidator.validate(mixed, DeepArValidatorOptions.training(1));
        assertEquals(2, r.records());
        List<ValidationProblem> cat = r.withCode(DeepArProblem.CAT_COUNT_MISMATCH.name());
        assertEquals(1, cat.size(), r.toString());
        assertEquals(1, cat.get(0).position().recordIndex());
    }

    @Test
    void readRecords1000To2000ThroughARangeOfASeekableInputThatIsNotAPath(@TempDir Path dir) throws IOException {
        Path pbr = dir.resolve("train.pbr");
        List<Double> labels = libSvmToRecordIoProtobuf(AGARICUS, pbr);
        byte[] bytes = Files.readAllBytes(pbr);                // stands for an object in a store
        long[] offsets = new long[labels.size() + 1];
        try (RecordProtobufReader all = RecordProtobufReader.open(pbr)) {
            for (int i = 0; all.next(); i++) {
                offsets[i] = all.recordOffset();
            }
        }
        offsets[labels.size()] = bytes.length;

        SeekableInput object = ByteSources.seekable(bytes, "s3://bucket/train.pbr");
        int n = 0;
        try (RecordProtobufReader reader = RecordProtobufReader.open(object, ByteRange.of(offsets[1000],
                offsets[2001]), RecordProtobufReadOptions.defaults())) {
            while (reader.next()) {
                TensorView x = reader.current().features();
                assertEquals(22, x.size(), "agaricus rows have 22 features");
                FloatBuffer values = x.float32Buffer();
                assertEquals(1f, values.get(0));
                assertEquals(labels.get(1000 + n), reader.current().label().value(0));
                assertEquals(offsets[1000 + n], reader.recordOffset());
                n++;
            }
        }
        assertEquals(1001, n, "records 1000..2000");

        // The README's range (bytes [128 MiB, 256 MiB)) of this 1.3 MB object starts after its end: no records.
        try (RecordProtobufReader reader = RecordProtobufReader.open(object, ByteRange.of(128L << 20, 256L << 20),
                RecordProtobufReadOptions.defaults())) {
            assertFalse(reader.next());
        }
    }

    @Test
    void readParquetThroughAnInputFileAndDeepArSeries(@TempDir Path dir) throws IOException {
        Path parquet = dir.resolve("train.parquet");
        LabeledRow written = new LabeledRow();
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(parquet)) {
            for (int i = 0; i < 3; i++) {
                written.clear();
                written.addLabel(i);
                written.setFeatures(SparseVector.ofFloat32(4, new int[] {0, i + 1}, new float[] {0.5f, i}));
                w.write(written);
            }
            w.commit();
        }
        InputFile table = new LocalInputFile(parquet);
        List<Double> labels = new ArrayList<>();
        try (ParquetFeatureReader reader = ParquetFeatureReader.open(table, ParquetFeatureReadOptions.defaults())) {
            while (reader.next()) {
                LabeledRow row = reader.current();
                labels.add(row.label(0));
                assertEquals(0.5, row.isSparse() ? row.sparse().value(0) : row.dense().value(0));
            }
        }
        assertEquals(List.of(0.0, 1.0, 2.0), labels);

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

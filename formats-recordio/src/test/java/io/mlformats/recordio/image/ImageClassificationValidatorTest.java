package io.mlformats.recordio.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSources;
import io.mlformats.core.validate.ValidationProblem;
import io.mlformats.core.validate.ValidationReport;
import io.mlformats.testkit.AllocationMeter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image-classification rules with real records. */
class ImageClassificationValidatorTest {
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a'};

    /** Records: 0 ok jpeg label 2; 1 ok png label 0; 2 NaN label; 3 label 2.5; 4 label 10 (>= 10 classes);
     *  5 gif; 6 multi-label [1, -1] png; 7 empty image with label 1. */
    static byte[] dataset() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageRecordWriter w = ImageRecordWriter.open(out, ImageRecordWriteOptions.defaults())) {
            w.writeSingleLabel(0, 2f, JPEG);
            w.writeSingleLabel(1, 0f, PNG);
            w.writeSingleLabel(2, Float.NaN, JPEG);
            w.writeSingleLabel(3, 2.5f, JPEG);
            w.writeSingleLabel(4, 10f, PNG);
            w.writeSingleLabel(5, 1f, GIF);
            w.writeMultiLabel(6, new float[] {1f, -1f}, PNG);
            w.writeSingleLabel(7, 1f, new byte[0]);
            w.commit();
        }
        return out.toByteArray();
    }

    static void checkAll(byte[] data, int from, int to, ImageClassificationValidator v) throws IOException {
        try (ImageRecordReader r = ImageRecordReader.open(ByteSources.of(data).input(),
                ImageRecordReadOptions.defaults())) {
            for (int i = 0; r.next(); i++) {
                if (i >= from && i < to) {
                    v.check(r.current(), r.position());
                }
            }
        }
    }

    @Test
    void reportsEachRuleWithItsCodeAndRecord() throws IOException {
        ImageClassificationValidator v = new ImageClassificationValidator(
                ImageClassificationValidatorOptions.defaults().withNumClasses(10));
        assertEquals("image-classification", v.algorithm());
        checkAll(dataset(), 0, 8, v);
        ValidationReport report = v.finish();
        assertEquals(8, report.records());
        assertEquals(6, report.errorCount());
        assertEquals(0, report.warningCount());
        List<ValidationProblem> p = report.problems();
        assertEquals(ImageClassificationValidator.LABEL_NOT_FINITE, p.get(0).code());
        assertEquals(2, p.get(0).position().recordIndex());
        assertEquals(ImageClassificationValidator.LABEL_NOT_A_CLASS, p.get(1).code());
        assertEquals(3, p.get(1).position().recordIndex());
        assertTrue(p.get(1).message().contains("2.5"), p.get(1).message());
        assertEquals(ImageClassificationValidator.LABEL_NOT_A_CLASS, p.get(2).code());
        assertEquals(4, p.get(2).position().recordIndex());
        assertTrue(p.get(2).message().contains("0..9"), p.get(2).message());
        assertEquals(ImageClassificationValidator.IMAGE_NOT_JPEG_OR_PNG, p.get(3).code());
        assertEquals(5, p.get(3).position().recordIndex());
        assertEquals(ImageClassificationValidator.LABEL_NOT_A_CLASS, p.get(4).code());
        assertEquals(6, p.get(4).position().recordIndex());
        assertTrue(p.get(4).message().startsWith("label 1 is -1.0"), p.get(4).message());
        assertEquals(ImageClassificationValidator.IMAGE_NOT_JPEG_OR_PNG, p.get(5).code());
        assertEquals(7, p.get(5).position().recordIndex());
        assertTrue(p.get(5).message().contains("0 bytes"));
        assertTrue(p.stream().allMatch(x -> x.severity() == ValidationProblem.Severity.ERROR));
    }

    @Test
    void withoutNumClassesOnlyFinitenessAndSignaturesAreChecked() throws IOException {
        ImageClassificationValidator v = new ImageClassificationValidator(ImageClassificationValidatorOptions.defaults());
        checkAll(dataset(), 0, 8, v);
        ValidationReport report = v.finish();
        assertEquals(3, report.errorCount());
        assertEquals(1, report.withCode(ImageClassificationValidator.LABEL_NOT_FINITE).size());
        assertEquals(2, report.withCode(ImageClassificationValidator.IMAGE_NOT_JPEG_OR_PNG).size());
        assertTrue(report.withCode(ImageClassificationValidator.LABEL_NOT_A_CLASS).isEmpty());
    }

    @Test
    void partsMergeToTheWholeDatasetReport() throws IOException {
        ImageClassificationValidatorOptions o = ImageClassificationValidatorOptions.defaults().withNumClasses(10);
        byte[] data = dataset();
        ImageClassificationValidator whole = new ImageClassificationValidator(o);
        checkAll(data, 0, 8, whole);
        ImageClassificationValidator a = new ImageClassificationValidator(o);
        ImageClassificationValidator b = new ImageClassificationValidator(o);
        checkAll(data, 0, 4, a);
        checkAll(data, 4, 8, b);
        a.merge(b);
        ValidationReport merged = a.finish();
        ValidationReport expected = whole.finish();
        assertEquals(expected.records(), merged.records());
        assertEquals(expected.errorCount(), merged.errorCount());
        assertEquals(expected.problems(), merged.problems());
    }

    @Test
    void mergeAndFinishRules() throws IOException {
        ImageClassificationValidator a = new ImageClassificationValidator(
                ImageClassificationValidatorOptions.defaults().withNumClasses(3));
        assertThrows(IllegalArgumentException.class, () -> a.merge(new ImageClassificationValidator(
                ImageClassificationValidatorOptions.defaults().withNumClasses(4))), "different options");
        assertThrows(IllegalArgumentException.class, () -> a.merge(a));
        ImageClassificationValidator done = new ImageClassificationValidator(a.options());
        done.finish();
        assertThrows(IllegalStateException.class, () -> a.merge(done));
        a.finish();
        assertThrows(IllegalStateException.class, a::finish);
        try (ImageRecordReader r = ImageRecordReader.open(ByteSources.of(dataset()).input(),
                ImageRecordReadOptions.defaults())) {
            assertTrue(r.next());
            assertThrows(IllegalStateException.class, () -> a.check(r.current(), r.position()));
        }
        assertThrows(IllegalArgumentException.class, () -> ImageClassificationValidatorOptions.defaults().withNumClasses(-1));
    }

    @Test
    void checkingValidRecordsAllocatesNothing() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageRecordWriter w = ImageRecordWriter.open(out, ImageRecordWriteOptions.defaults())) {
            for (int i = 0; i < 100_000; i++) {
                w.writeSingleLabel(i, i % 5, i % 2 == 0 ? JPEG : PNG);
            }
            w.commit();
        }
        ImageClassificationValidator v = new ImageClassificationValidator(
                ImageClassificationValidatorOptions.defaults().withNumClasses(5));
        io.mlformats.core.SourcePosition at = io.mlformats.core.SourcePosition.ofRecord("x", 0, 0);
        try (ImageRecordReader r = ImageRecordReader.open(ByteSources.of(out.toByteArray()).input(),
                ImageRecordReadOptions.defaults())) {
            assertTrue(r.next());
            v.check(r.current(), at);
            long before = AllocationMeter.allocatedBytes();
            while (r.next()) {
                v.check(r.current(), at);
            }
            long allocated = AllocationMeter.allocatedBytes() - before;
            assertTrue(allocated < 64 * 1024, allocated + " bytes");
        }
        ValidationReport report = v.finish();
        assertEquals(100_000, report.records());
        assertFalse(report.hasErrors());
    }
}

package io.mlformats.recordio.image;

import io.mlformats.core.SourcePosition;
import io.mlformats.core.validate.AlgorithmValidator;
import io.mlformats.core.validate.ValidationProblem;
import io.mlformats.core.validate.ValidationProblem.Severity;
import io.mlformats.core.validate.ValidationReport;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Checks MXNet image records ({@code .rec}, as {@link ImageRecordReader} reads them) against what SageMaker's
 * image-classification algorithm accepts. Rules, each with a stable code:
 *
 * <ul>
 *   <li>{@value #LABEL_NOT_FINITE} (error): a label is NaN or infinite.</li>
 *   <li>{@value #LABEL_NOT_A_CLASS} (error): with {@link ImageClassificationValidatorOptions#numClasses()} given, a label
 *       is not an integer in {@code 0..numClasses-1}.</li>
 *   <li>{@value #IMAGE_NOT_JPEG_OR_PNG} (error): the image bytes start with neither the JPEG ({@code FF D8}) nor
 *       the PNG ({@code 89 'P' 'N' 'G'}) signature.</li>
 * </ul>
 *
 * <p>There are no dataset-level rules; {@link #merge} adds another part's problems and counts. Checking a record
 * allocates nothing unless it has a problem. Not thread-safe: one validator per thread.
 */
public final class ImageClassificationValidator implements AlgorithmValidator<ImageRecord> {
    /** Code of a NaN or infinite label. */
    public static final String LABEL_NOT_FINITE = "LABEL_NOT_FINITE";
    /** Code of a label that is not an integer in {@code 0..numClasses-1}. */
    public static final String LABEL_NOT_A_CLASS = "LABEL_NOT_A_CLASS";
    /** Code of image bytes that are neither JPEG nor PNG. */
    public static final String IMAGE_NOT_JPEG_OR_PNG = "IMAGE_NOT_JPEG_OR_PNG";

    private final ImageClassificationValidatorOptions options;
    private final ValidationReport report;
    private boolean finished;

    /**
     * A validator with {@code options}.
     *
     * @param options class count and report size to apply
     * @throws NullPointerException if {@code options} is {@code null}
     */
    public ImageClassificationValidator(ImageClassificationValidatorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.report = new ValidationReport(options.maxProblemsKept());
    }

    /**
     * The options this validator applies.
     *
     * @return the options given to the constructor
     */
    public ImageClassificationValidatorOptions options() {
        return options;
    }

    /** {@code "image-classification"}. */
    @Override
    public String algorithm() {
        return "image-classification";
    }

    /** Checks the record's labels and image signature; the view is read during the call only. */
    @Override
    public void check(ImageRecord record, SourcePosition position) {
        checkOpen();
        report.countRecord();
        int classes = options.numClasses();
        for (int i = 0; i < record.labelCount(); i++) {
            float l = record.label(i);
            if (!Float.isFinite(l)) {
                error(LABEL_NOT_FINITE, position, "label " + i + " is " + l);
            } else if (classes > 0 && (l != Math.rint(l) || l < 0 || l >= classes)) {
                error(LABEL_NOT_A_CLASS, position, "label " + i + " is " + l + "; expected an integer in 0.."
                        + (classes - 1) + " (num_classes " + classes + ")");
            }
        }
        ByteBuffer b = record.payloadBuffer();
        int p = record.imageOffset();
        int n = record.imageLength();
        if (ImageEncoding.of(n, unsigned(b, p, n, 0), unsigned(b, p, n, 1), unsigned(b, p, n, 2),
                unsigned(b, p, n, 3)) == null) {
            error(IMAGE_NOT_JPEG_OR_PNG, position, "image bytes are neither JPEG nor PNG (" + n + " bytes)");
        }
    }

    /** Byte {@code i} of the image at {@code p} (of {@code n} bytes), unsigned, or -1 past its end. */
    private static int unsigned(ByteBuffer b, int p, int n, int i) {
        return i < n ? b.get(p + i) & 0xff : -1;
    }

    private void error(String code, SourcePosition position, String message) {
        report.add(new ValidationProblem(code, Severity.ERROR, position, message));
    }

    /**
     * Adds the problems and record count of {@code other}, a validator of another part with the same options.
     *
     * @throws IllegalArgumentException if {@code other} is not an image-classification validator with equal
     *                                  options
     * @throws IllegalStateException    if either has finished
     */
    @Override
    public void merge(AlgorithmValidator<ImageRecord> other) {
        if (!(other instanceof ImageClassificationValidator o) || !o.options.equals(options)) {
            throw new IllegalArgumentException("can only merge an ImageClassificationValidator with options "
                    + options + ", got " + other);
        }
        if (o == this) {
            throw new IllegalArgumentException("a validator cannot merge itself");
        }
        checkOpen();
        o.checkOpen();
        report.merge(o.report);
    }

    /** Returns the report (no dataset-level rules); the validator takes no more records afterwards. */
    @Override
    public ValidationReport finish() {
        checkOpen();
        finished = true;
        return report;
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("validator already finished");
        }
    }

    @Override
    public String toString() {
        return "ImageClassificationValidator[" + options + "]";
    }
}

package io.mlformats.blazingtext;

/**
 * How fastText / BlazingText lines are written. Immutable and thread-safe.
 *
 * @param gzip        gzip-compress the output (name such a file {@code .gz}); {@code false} by default
 * @param labelPrefix the label prefix of supervised files ({@link FastTextTokenizer#DEFAULT_LABEL_PREFIX} by
 *                    default), or {@code null} for word2vec files, which have no labels
 */
public record BlazingTextWriteOptions(boolean gzip, String labelPrefix) {

    /** Validates the prefix. */
    public BlazingTextWriteOptions {
        if (labelPrefix != null && labelPrefix.isEmpty()) {
            throw new IllegalArgumentException("labelPrefix must not be empty (use null for word2vec files)");
        }
    }

    /** Supervised lines with the label prefix {@code __label__}, uncompressed. */
    public static BlazingTextWriteOptions defaults() {
        return new BlazingTextWriteOptions(false, FastTextTokenizer.DEFAULT_LABEL_PREFIX);
    }

    /** Word2vec lines (words only, no labels), uncompressed. */
    public static BlazingTextWriteOptions word2vec() {
        return new BlazingTextWriteOptions(false, null);
    }

    /** These options with gzip compression on or off. */
    public BlazingTextWriteOptions withGzip(boolean on) {
        return new BlazingTextWriteOptions(on, labelPrefix);
    }

    /** These options with another label prefix ({@code null}: word2vec, no labels). */
    public BlazingTextWriteOptions withLabelPrefix(String prefix) {
        return new BlazingTextWriteOptions(gzip, prefix);
    }
}

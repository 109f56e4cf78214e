package io.mlformats.blazingtext;

/**
 * How fastText / BlazingText lines are written. Immutable and thread-safe.
 *
 * @param gzip        gzip-compress the output (name such a file {@code .gz}); {@code false} by default
 * @param labelPrefix the label prefix of supervised files ({@link FastTextTokenizer#DEFAULT_LABEL_PREFIX} by
 *                    default), or {@code null} for word2vec files, which have no labels
 */
public record BlazingTextWriteOptions(boolean gzip, String labelPrefix) {

    /**
     * Validates the prefix.
     *
     * @param gzip true to gzip-compress the output
     * @param labelPrefix the label prefix of supervised files, not empty, or {@code null} for word2vec files
     */
    public BlazingTextWriteOptions {
        if (labelPrefix != null && labelPrefix.isEmpty()) {
            throw new IllegalArgumentException("labelPrefix must not be empty (use null for word2vec files)");
        }
    }

    /**
     * Supervised lines with the label prefix {@code __label__}, uncompressed.
     *
     * @return options for uncompressed supervised files with the {@code __label__} prefix
     */
    public static BlazingTextWriteOptions defaults() {
        return new BlazingTextWriteOptions(false, FastTextTokenizer.DEFAULT_LABEL_PREFIX);
    }

    /**
     * Word2vec lines (words only, no labels), uncompressed.
     *
     * @return options for uncompressed word2vec files without a label prefix
     */
    public static BlazingTextWriteOptions word2vec() {
        return new BlazingTextWriteOptions(false, null);
    }

    /**
     * These options with gzip compression on or off.
     *
     * @param on true to gzip-compress the output
     * @return a copy of these options with gzip set to {@code on}
     */
    public BlazingTextWriteOptions withGzip(boolean on) {
        return new BlazingTextWriteOptions(on, labelPrefix);
    }

    /**
     * These options with another label prefix ({@code null}: word2vec, no labels).
     *
     * @param prefix the label prefix, not empty, or {@code null} for word2vec files
     * @return a copy of these options with {@code prefix}
     */
    public BlazingTextWriteOptions withLabelPrefix(String prefix) {
        return new BlazingTextWriteOptions(gzip, prefix);
    }
}

package io.mlformats.blazingtext;

import io.mlformats.core.ReadOptions;
import java.util.Objects;

/**
 * How BlazingText text files are read. Immutable.
 *
 * @param read        mode (strict rejects invalid UTF-8; lenient accepts it with a warning), error policy, limits
 * @param labelPrefix tokens starting with it are labels; {@code null} for word2vec sentence files (no labels)
 */
public record BlazingTextReadOptions(ReadOptions read, String labelPrefix) {
    /**
     * Validates the arguments.
     *
     * @param read mode, error policy and limits; must not be null
     * @param labelPrefix the prefix marking label tokens, non-empty without white space, or {@code null} for word2vec
     *     files
     */
    public BlazingTextReadOptions {
        Objects.requireNonNull(read, "read");
        if (labelPrefix != null && (labelPrefix.isEmpty() || FastTextTokenizer.tokens(labelPrefix).size() != 1
                || !FastTextTokenizer.tokens(labelPrefix).get(0).equals(labelPrefix))) {
            throw new IllegalArgumentException("label prefix must be non-empty without white space: \""
                    + labelPrefix + "\"");
        }
    }

    /**
     * The same as {@link #supervised()}.
     *
     * @return the supervised options: strict, fail-fast, label prefix {@code __label__}
     */
    public static BlazingTextReadOptions defaults() {
        return supervised();
    }

    /**
     * Supervised files with the {@code __label__} prefix.
     *
     * @return options with default core read options and the {@code __label__} prefix
     */
    public static BlazingTextReadOptions supervised() {
        return new BlazingTextReadOptions(ReadOptions.defaults(), FastTextTokenizer.DEFAULT_LABEL_PREFIX);
    }

    /**
     * Word2vec sentence files: every token is a word.
     *
     * @return options with default core read options and no label prefix
     */
    public static BlazingTextReadOptions word2vec() {
        return new BlazingTextReadOptions(ReadOptions.defaults(), null);
    }

    /**
     * These options with other core read options.
     *
     * @param r the core read options (mode, error policy, limits) to use instead
     * @return a copy of these options with {@code r}
     */
    public BlazingTextReadOptions withRead(ReadOptions r) {
        return new BlazingTextReadOptions(r, labelPrefix);
    }

    /**
     * These options with another label prefix ({@code null}: word2vec, no labels).
     *
     * @param prefix the label prefix, or {@code null} to treat every token as a word
     * @return a copy of these options with {@code prefix}
     */
    public BlazingTextReadOptions withLabelPrefix(String prefix) {
        return new BlazingTextReadOptions(read, prefix);
    }
}

package io.mlformats.blazingtext;

import java.util.List;
import java.util.Objects;

/**
 * One line of a fastText / BlazingText text file, owned: its labels (full tokens, prefix included, e.g.
 * {@code __label__sports}, in order of appearance) and its words (in order). Word2vec files have no labels.
 * Immutable.
 */
public record BlazingTextLine(List<String> labels, List<String> words) {
    /**
     * Copies the lists (immutable afterwards).
     *
     * @param labels the label tokens with their prefix, in order; must not be null; copied
     * @param words the word tokens, in order; must not be null; copied
     */
    public BlazingTextLine {
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        words = List.copyOf(Objects.requireNonNull(words, "words"));
    }

    /**
     * A line with labels {@code prefix + name} for each name.
     *
     * @param prefix the label prefix, such as {@code __label__}
     * @param labelNames the label names without prefix, in order
     * @param words the word tokens, in order
     * @return a new line with prefixed labels and copies of the lists
     */
    public static BlazingTextLine of(String prefix, List<String> labelNames, List<String> words) {
        return new BlazingTextLine(labelNames.stream().map(n -> prefix + n).toList(), words);
    }
}

package io.mlformats.blazingtext;

import java.util.List;
import java.util.Objects;

/**
 * One line of a fastText / BlazingText text file, owned: its labels (full tokens, prefix included, e.g.
 * {@code __label__sports}, in order of appearance) and its words (in order). Word2vec files have no labels.
 * Immutable.
 */
public record BlazingTextLine(List<String> labels, List<String> words) {
    /** Copies the lists (immutable afterwards). */
    public BlazingTextLine {
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        words = List.copyOf(Objects.requireNonNull(words, "words"));
    }

    /** A line with labels {@code prefix + name} for each name. */
    public static BlazingTextLine of(String prefix, List<String> labelNames, List<String> words) {
        return new BlazingTextLine(labelNames.stream().map(n -> prefix + n).toList(), words);
    }
}

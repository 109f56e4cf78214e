package io.mlformats.blazingtext;

import java.util.List;

/**
 * A BlazingText inference request: sentences (text classification) or words (word2vec) and the optional
 * {@code k} (top labels; default 1; {@code null} = not sent). Immutable.
 */
public record BlazingTextRequest(List<String> instances, Integer k) {
    /**
     * Validates and copies the instances.
     *
     * @param instances the sentences or words to send; must not be null; copied
     * @param k the number of top labels to return, at least 1, or {@code null} to not send it
     */
    public BlazingTextRequest {
        instances = List.copyOf(instances);
        if (k != null && k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
    }
}

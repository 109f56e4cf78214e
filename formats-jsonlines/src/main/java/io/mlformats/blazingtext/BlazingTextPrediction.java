package io.mlformats.blazingtext;

import java.util.Arrays;
import java.util.List;

/**
 * One BlazingText classification result: the top-k labels (prefix kept, {@code __label__1}) and their
 * probabilities, in the same order. Immutable by convention.
 */
public record BlazingTextPrediction(List<String> labels, double[] probabilities) {
    /**
     * Validates and copies the lists.
     *
     * @param labels the top-k labels with their prefix, in rank order; copied
     * @param probabilities the probability of each label, same order and length as {@code labels}; not copied
     */
    public BlazingTextPrediction {
        labels = List.copyOf(labels);
        if (labels.size() != probabilities.length) {
            throw new IllegalArgumentException(labels.size() + " labels but " + probabilities.length
                    + " probabilities");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlazingTextPrediction p && labels.equals(p.labels)
                && Arrays.equals(probabilities, p.probabilities);
    }

    @Override
    public int hashCode() {
        return labels.hashCode() * 31 + Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "BlazingTextPrediction[labels=" + labels + ", probabilities=" + Arrays.toString(probabilities) + "]";
    }
}

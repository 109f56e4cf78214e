package io.mlformats.object2vec;

import java.util.Arrays;

/**
 * One element of an Object2Vec response: {@code scores} (pair scoring: num_classes values, or 1 for regression)
 * or {@code embeddings} (encoder embeddings). The absent one is {@code null}. Arrays are not copied.
 */
public record Object2VecPrediction(double[] scores, double[] embeddings) {
    @Override
    public boolean equals(Object o) {
        return o instanceof Object2VecPrediction p && Arrays.equals(scores, p.scores)
                && Arrays.equals(embeddings, p.embeddings);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(scores) + Arrays.hashCode(embeddings);
    }

    @Override
    public String toString() {
        return "Object2VecPrediction[scores=" + Arrays.toString(scores) + ", embeddings="
                + Arrays.toString(embeddings) + "]";
    }
}

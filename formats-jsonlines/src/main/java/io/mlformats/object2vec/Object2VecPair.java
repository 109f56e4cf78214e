package io.mlformats.object2vec;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Object2Vec record: {@code {"label": ..., "in0": [token ids], "in1": [token ids]}}. Training lines have a
 * label and both inputs; inference instances have no label; encoder-embedding requests have one input only.
 * Arrays are not copied: do not modify them after construction. {@link #equals} compares labels bit for bit.
 *
 * @param label {@code Long} for an integer label (classification; JSON {@code 1}), {@code Double} for a real one
 *              (regression; JSON {@code 3.5}), or {@code null} when absent
 * @param in0   token ids for encoder 0, or {@code null} when absent
 * @param in1   token ids for encoder 1, or {@code null} when absent
 */
public record Object2VecPair(Number label, int[] in0, int[] in1) {

    /**
     * Validates the label type.
     *
     * @param label a {@code Long} (classification) or {@code Double} (regression) label, or {@code null} when absent
     * @param in0 token ids for encoder 0, or {@code null} when absent; not copied
     * @param in1 token ids for encoder 1, or {@code null} when absent; not copied
     */
    public Object2VecPair {
        if (label != null && !(label instanceof Long) && !(label instanceof Double)) {
            throw new IllegalArgumentException("label must be a Long or a Double: " + label.getClass());
        }
    }

    /**
     * A classification pair.
     *
     * @param label the class index
     * @param in0 token ids for encoder 0; not copied
     * @param in1 token ids for encoder 1; not copied
     * @return a pair with a {@code Long} label
     */
    public static Object2VecPair classification(long label, int[] in0, int[] in1) {
        return new Object2VecPair(label, in0, in1);
    }

    /**
     * A regression pair.
     *
     * @param label the real-valued target
     * @param in0 token ids for encoder 0; not copied
     * @param in1 token ids for encoder 1; not copied
     * @return a pair with a {@code Double} label
     */
    public static Object2VecPair regression(double label, int[] in0, int[] in1) {
        return new Object2VecPair(label, in0, in1);
    }

    /**
     * An unlabelled pair (inference).
     *
     * @param in0 token ids for encoder 0, or {@code null} when absent; not copied
     * @param in1 token ids for encoder 1, or {@code null} when absent; not copied
     * @return a pair without a label
     */
    public static Object2VecPair unlabelled(int[] in0, int[] in1) {
        return new Object2VecPair(null, in0, in1);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Object2VecPair p)) {
            return false;
        }
        boolean labels = label == null ? p.label == null
                : p.label != null && label.getClass() == p.label.getClass()
                && (label instanceof Long ? label.equals(p.label)
                : Double.doubleToRawLongBits(label.doubleValue()) == Double.doubleToRawLongBits(p.label.doubleValue()));
        return labels && Arrays.equals(in0, p.in0) && Arrays.equals(in1, p.in1);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, Arrays.hashCode(in0), Arrays.hashCode(in1));
    }

    @Override
    public String toString() {
        return "Object2VecPair[label=" + label + ", in0=" + Arrays.toString(in0) + ", in1=" + Arrays.toString(in1)
                + "]";
    }
}

package io.mlformats.object2vec;

import io.mlformats.jsonlines.internal.IntList;
import java.util.Arrays;

/**
 * The current record of an {@link Object2VecReader}: a view the reader reuses for every line, valid until the
 * next {@link Object2VecReader#next()} or {@link Object2VecReader#close()}. Reading it allocates nothing; the
 * token-id arrays it exposes ({@link #in0Array()}, {@link #in1Array()}) belong to the reader and are overwritten
 * by the next record. {@link #copy()} returns an owned {@link Object2VecPair}. Not thread-safe.
 */
public final class Object2VecPairView {
    static final int NO_LABEL = 0;
    static final int INTEGER_LABEL = 1;
    static final int REAL_LABEL = 2;

    int labelKind;
    long integerLabel;
    double realLabel;
    boolean hasIn0;
    boolean hasIn1;
    final IntList in0 = new IntList(64);
    final IntList in1 = new IntList(64);

    /** Views are made by readers only. */
    Object2VecPairView() {
    }

    void clear() {
        labelKind = NO_LABEL;
        hasIn0 = false;
        hasIn1 = false;
        in0.clear();
        in1.clear();
    }

    /**
     * True if the record has a {@code label}.
     *
     * @return true if the current record has a {@code label} field
     */
    public boolean hasLabel() {
        return labelKind != NO_LABEL;
    }

    /**
     * True if the label is an integer (JSON {@code 1}: a class index), false for a real one or none.
     *
     * @return true if the label was written as a JSON integer
     */
    public boolean isIntegerLabel() {
        return labelKind == INTEGER_LABEL;
    }

    /**
     * The integer label.
     *
     * @return the integer label, a class index
     * @throws IllegalStateException if the label is absent or real
     */
    public long integerLabel() {
        if (labelKind != INTEGER_LABEL) {
            throw new IllegalStateException(labelKind == NO_LABEL ? "the record has no label" : "the label is real");
        }
        return integerLabel;
    }

    /**
     * The label as a double (an integer label converted).
     *
     * @return the label value, integer labels widened to double
     * @throws IllegalStateException if the record has no label
     */
    public double label() {
        if (labelKind == NO_LABEL) {
            throw new IllegalStateException("the record has no label");
        }
        return labelKind == INTEGER_LABEL ? integerLabel : realLabel;
    }

    /**
     * True if the record has {@code in0}.
     *
     * @return true if the current record has an {@code in0} field
     */
    public boolean hasIn0() {
        return hasIn0;
    }

    /**
     * Number of token ids in {@code in0} (0 when absent).
     *
     * @return the number of {@code in0} token ids, 0 when absent
     */
    public int in0Length() {
        return in0.size;
    }

    /**
     * The reader's buffer of {@code in0} token ids: valid in {@code [0, in0Length())}, until the next record.
     *
     * @return the reader's reused buffer, not a copy; only the first {@link #in0Length()} ids belong to this record
     */
    public int[] in0Array() {
        return in0.data;
    }

    /**
     * True if the record has {@code in1}.
     *
     * @return true if the current record has an {@code in1} field
     */
    public boolean hasIn1() {
        return hasIn1;
    }

    /**
     * Number of token ids in {@code in1} (0 when absent).
     *
     * @return the number of {@code in1} token ids, 0 when absent
     */
    public int in1Length() {
        return in1.size;
    }

    /**
     * The reader's buffer of {@code in1} token ids: valid in {@code [0, in1Length())}, until the next record.
     *
     * @return the reader's reused buffer, not a copy; only the first {@link #in1Length()} ids belong to this record
     */
    public int[] in1Array() {
        return in1.data;
    }

    /**
     * An owned copy of this record, independent of the reader.
     *
     * @return a new pair with copied token arrays, still valid after the reader advances
     */
    public Object2VecPair copy() {
        Number label = switch (labelKind) {
            case INTEGER_LABEL -> integerLabel;
            case REAL_LABEL -> realLabel;
            default -> null;
        };
        return new Object2VecPair(label, hasIn0 ? in0.toArray() : null, hasIn1 ? in1.toArray() : null);
    }

    /** The record as text (allocates; for messages). */
    @Override
    public String toString() {
        return "Object2VecPairView[label=" + (hasLabel() ? (isIntegerLabel() ? integerLabel : realLabel) : null)
                + ", in0=" + (hasIn0 ? Arrays.toString(in0.toArray()) : null) + ", in1="
                + (hasIn1 ? Arrays.toString(in1.toArray()) : null) + "]";
    }
}

package io.mlformats.core.vector;

import io.mlformats.core.internal.CsrBuilders;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A whole input loaded as compressed sparse rows: row {@code r} holds the pairs
 * {@code indices[k], values[k]} for {@code k} in {@code [indptr[r], indptr[r+1])}, plus a label, and optionally a
 * weight, a query id and a multi-label list per row.
 *
 * <p>Immutable by contract: the arrays are exposed without copying (bulk primitive access is the point of this
 * type) and must not be modified. Thread-safe for reading. Build one with {@link Builder}, which grows its
 * arrays geometrically (never per row) and trims them once in {@link Builder#build()}.
 */
public final class CsrMatrix {
    static {
        CsrBuilders.install(new CsrBuilders.Access() {
            @Override
            public void append(Builder into, Builder other) {
                into.append(other);
            }

            @Override
            public void shiftIndices(Builder builder, int delta) {
                builder.shiftIndices(delta);
            }

            @Override
            public CsrMatrix build(List<Builder> parts) {
                return Builder.build(parts);
            }
        });
    }

    private final int numRows;
    private final long numCols;
    private final long[] indptr;
    private final int[] indices;
    private final float[] values32;
    private final double[] values64;
    private final double[] labels;
    private final long[] labelIndptr;
    private final double[] labelValues;
    private final double[] weights;
    private final long[] qids;

    private CsrMatrix(int numRows, long numCols, long[] indptr, int[] indices, float[] values32, double[] values64,
            double[] labels, long[] labelIndptr, double[] labelValues, double[] weights, long[] qids) {
        this.numRows = numRows;
        this.numCols = numCols;
        this.indptr = indptr;
        this.indices = indices;
        this.values32 = values32;
        this.values64 = values64;
        this.labels = labels;
        this.labelIndptr = labelIndptr;
        this.labelValues = labelValues;
        this.weights = weights;
        this.qids = qids;
    }

    /**
     * Number of rows.
     *
     * @return the number of rows, at least 0
     */
    public int numRows() {
        return numRows;
    }

    /**
     * Number of columns: the declared feature count, or the largest index + 1.
     *
     * @return the column count: the declared feature count if one was set, else the largest stored index + 1
     */
    public long numCols() {
        return numCols;
    }

    /**
     * Total number of stored pairs.
     *
     * @return the number of stored (index, value) pairs over all rows, equal to {@code indptr()[numRows()]}
     */
    public long nnz() {
        return indptr[numRows];
    }

    /**
     * Whether values are stored as float32 ({@link #floatValues()}) or float64 ({@link #doubleValues()}).
     *
     * @return {@link ValueType#FLOAT32} if {@link #floatValues()} is non-null, else {@link ValueType#FLOAT64}
     */
    public ValueType valueType() {
        return values32 != null ? ValueType.FLOAT32 : ValueType.FLOAT64;
    }

    /**
     * Row pointers, length {@code numRows() + 1}.
     *
     * @return the row pointer array itself (not a copy; do not modify): row {@code r} spans
     *     {@code [indptr[r], indptr[r+1])}
     */
    public long[] indptr() {
        return indptr;
    }

    /**
     * Column indices, length {@code nnz()}, ascending within each row.
     *
     * @return the column index array itself (not a copy; do not modify), zero-based
     */
    public int[] indices() {
        return indices;
    }

    /**
     * float32 values, or null for a float64 matrix.
     *
     * @return the float32 value array itself (not a copy; do not modify), parallel to {@link #indices()}, or null
     */
    public float[] floatValues() {
        return values32;
    }

    /**
     * float64 values, or null for a float32 matrix.
     *
     * @return the float64 value array itself (not a copy; do not modify), parallel to {@link #indices()}, or null
     */
    public double[] doubleValues() {
        return values64;
    }

    /**
     * One label per row (the first label of a multi-label row, NaN for an empty label list).
     *
     * @return the label array itself (not a copy; do not modify), length {@code numRows()}
     */
    public double[] labels() {
        return labels;
    }

    /**
     * Multi-label row pointers into {@link #labelValues()}, or null when the input is single-label.
     *
     * @return the label pointer array itself (not a copy; do not modify), length {@code numRows() + 1}: row {@code r}'s
     *     labels are {@code labelValues()[labelIndptr[r] .. labelIndptr[r+1])}; or null
     */
    public long[] labelIndptr() {
        return labelIndptr;
    }

    /**
     * Multi-label values, or null when the input is single-label.
     *
     * @return the concatenated label lists of all rows (not a copy; do not modify), or null
     */
    public double[] labelValues() {
        return labelValues;
    }

    /**
     * Per-row weights, or null when no row had one (rows without a weight get 1).
     *
     * @return the weight array itself (not a copy; do not modify), length {@code numRows()}, or null
     */
    public double[] weights() {
        return weights;
    }

    /**
     * Per-row query ids, or null when no row had one (rows without one get 0).
     *
     * @return the query id array itself (not a copy; do not modify), length {@code numRows()}, or null
     */
    public long[] qids() {
        return qids;
    }

    /**
     * Copies row {@code r} into the reusable vector {@code into} (cleared first) and returns it.
     *
     * @param r the zero-based row index, in {@code [0, numRows())}
     * @param into the vector to overwrite; its previous contents are discarded and its dimension is set to
     *     {@link #numCols()}
     * @return {@code into}, now holding row {@code r}
     * @throws IndexOutOfBoundsException if {@code r} is out of range
     */
    public SparseVector row(int r, SparseVector into) {
        Objects.checkIndex(r, numRows);
        into.clear();
        for (long k = indptr[r]; k < indptr[r + 1]; k++) {
            if (values32 != null) {
                into.append(indices[(int) k], values32[(int) k]);
            } else {
                into.append(indices[(int) k], values64[(int) k]);
            }
        }
        into.setDimension(numCols);
        return into;
    }

    /**
     * The value at (row, col), 0 when not stored.
     *
     * @param row the zero-based row index, in {@code [0, numRows())}
     * @param col the zero-based column index
     * @return the stored value at ({@code row}, {@code col}) widened to double, or 0 if that pair is not stored
     */
    public double get(int row, int col) {
        int from = (int) indptr[row];
        int to = (int) indptr[row + 1];
        int at = Arrays.binarySearch(indices, from, to, col);
        if (at < 0) {
            return 0;
        }
        return values32 != null ? values32[at] : values64[at];
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CsrMatrix m)) {
            return false;
        }
        return numRows == m.numRows && numCols == m.numCols && Arrays.equals(indptr, m.indptr)
                && Arrays.equals(indices, m.indices) && Arrays.equals(values32, m.values32)
                && Arrays.equals(values64, m.values64) && Arrays.equals(labels, m.labels)
                && Arrays.equals(labelIndptr, m.labelIndptr) && Arrays.equals(labelValues, m.labelValues)
                && Arrays.equals(weights, m.weights) && Arrays.equals(qids, m.qids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numRows, numCols, Arrays.hashCode(indptr), Arrays.hashCode(indices));
    }

    @Override
    public String toString() {
        return "CsrMatrix[" + numRows + " x " + numCols + ", nnz=" + nnz() + ", " + valueType() + "]";
    }

    /**
     * A builder of a matrix whose values are stored as {@code type}.
     *
     * @param type the storage type of the matrix's values; float64 values added to a float32 builder are narrowed
     * @return a new, empty builder
     */
    public static Builder builder(ValueType type) {
        return new Builder(type);
    }

    /**
     * Accumulates rows; arrays grow geometrically. Not thread-safe.
     */
    public static final class Builder {
        private final ValueType type;
        private int rows;
        private long nnz;
        private long maxIndexPlusOne;
        private long declaredCols = -1;
        private long[] indptr = new long[1025];
        private int[] indices = new int[4096];
        private float[] v32;
        private double[] v64;
        private double[] labels = new double[1024];
        private long[] labelIndptr;
        private double[] labelValues;
        private int labelCount;
        private double[] weights;
        private long[] qids;

        private Builder(ValueType type) {
            this.type = type;
            if (type == ValueType.FLOAT32) {
                v32 = new float[4096];
            } else {
                v64 = new double[4096];
            }
        }

        /**
         * Fixes the column count; otherwise it is the largest index + 1.
         *
         * @param n the number of columns the built matrix reports, instead of the largest index + 1
         * @return this builder
         */
        public Builder numCols(long n) {
            this.declaredCols = n;
            return this;
        }

        /**
         * Rows added so far.
         *
         * @return the number of rows added so far
         */
        public int rows() {
            return rows;
        }

        /**
         * Adds a row with one label, no weight and no query id.
         *
         * @param features the row's pairs, copied (the vector can be reused afterwards)
         * @param label the row's label
         * @return this builder
         */
        public Builder addRow(SparseVector features, double label) {
            return addRow(features, label, Double.NaN, false, 0, false);
        }

        /**
         * Adds a row.
         *
         * @param features the row's pairs, copied (the vector can be reused afterwards)
         * @param label the row's label
         * @param weight the row's weight; ignored unless {@code hasWeight}
         * @param hasWeight whether {@code weight} is present (rows without one read as 1)
         * @param qid the row's query id; ignored unless {@code hasQid}
         * @param hasQid    whether {@code qid} is present (rows without one read as 0)
         * @return this builder
         */
        public Builder addRow(SparseVector features, double label, double weight, boolean hasWeight, long qid,
                boolean hasQid) {
            if (labelIndptr != null) {
                if (labelCount == labelValues.length) {
                    labelValues = Arrays.copyOf(labelValues, labelValues.length * 2);
                }
                labelValues[labelCount++] = label;
            }
            return addRow0(features, label, weight, hasWeight, qid, hasQid);
        }

        private Builder addRow0(SparseVector features, double label, double weight, boolean hasWeight, long qid,
                boolean hasQid) {
            int n = features.nnz();
            ensurePairs(nnz + n);
            System.arraycopy(features.indices(), 0, indices, (int) nnz, n);
            if (v32 != null) {
                if (features.floatValues() != null) {
                    System.arraycopy(features.floatValues(), 0, v32, (int) nnz, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        v32[(int) nnz + i] = (float) features.value(i);
                    }
                }
            } else if (features.doubleValues() != null) {
                System.arraycopy(features.doubleValues(), 0, v64, (int) nnz, n);
            } else {
                for (int i = 0; i < n; i++) {
                    v64[(int) nnz + i] = features.value(i);
                }
            }
            if (n > 0) {
                int last = features.index(n - 1);
                int maxIdx = last;
                for (int i = 0; i < n - 1; i++) {
                    maxIdx = Math.max(maxIdx, features.index(i));
                }
                maxIndexPlusOne = Math.max(maxIndexPlusOne, (long) maxIdx + 1);
            }
            nnz += n;
            ensureRows(rows + 1);
            labels[rows] = label;
            if (hasWeight) {
                if (weights == null) {
                    weights = new double[labels.length];
                    Arrays.fill(weights, 0, rows, 1.0);
                }
                weights[rows] = weight;
            } else if (weights != null) {
                weights[rows] = 1.0;
            }
            if (hasQid) {
                if (qids == null) {
                    qids = new long[labels.length];
                }
                qids[rows] = qid;
            }
            if (labelIndptr != null) {
                labelIndptr[rows + 1] = labelCount;
            }
            rows++;
            indptr[rows] = nnz;
            return this;
        }

        /**
         * Adds a multi-label row: the first label (or NaN) also goes to {@link CsrMatrix#labels()}.
         *
         * @param features the row's pairs, copied (the vector can be reused afterwards)
         * @param rowLabels array holding the row's labels in its first {@code labelLen} elements; copied, so it can be
         *     reused
         * @param labelLen the number of labels in the row, possibly 0
         * @param weight the row's weight; ignored unless {@code hasWeight}
         * @param hasWeight whether {@code weight} is present (rows without one read as 1)
         * @param qid the row's query id; ignored unless {@code hasQid}
         * @param hasQid whether {@code qid} is present (rows without one read as 0)
         * @return this builder
         */
        public Builder addMultiLabelRow(SparseVector features, double[] rowLabels, int labelLen, double weight,
                boolean hasWeight, long qid, boolean hasQid) {
            if (labelIndptr == null) {
                labelIndptr = new long[labels.length + 1];
                labelValues = new double[Math.max(16, labels.length)];
                // Earlier single-label rows become one-element lists.
                for (int r = 0; r < rows; r++) {
                    labelValues[r] = labels[r];
                    labelIndptr[r + 1] = r + 1;
                }
                labelCount = rows;
            }
            if (labelCount + labelLen > labelValues.length) {
                labelValues = Arrays.copyOf(labelValues, Math.max(labelValues.length * 2, labelCount + labelLen));
            }
            System.arraycopy(rowLabels, 0, labelValues, labelCount, labelLen);
            labelCount += labelLen;
            return addRow0(features, labelLen > 0 ? rowLabels[0] : Double.NaN, weight, hasWeight, qid, hasQid);
        }

        /**
         * Appends all rows of {@code other} after this builder's rows, with bulk array copies (parallel loads
         * join their per-range builders with it). Both builders must have the same value type.
         */
        Builder append(Builder other) {
            if (other.type != type) {
                throw new IllegalArgumentException("cannot append " + other.type + " rows to a " + type + " builder");
            }
            int r = other.rows;
            int n = (int) other.nnz;
            ensurePairs(nnz + n);
            System.arraycopy(other.indices, 0, indices, (int) nnz, n);
            if (v32 != null) {
                System.arraycopy(other.v32, 0, v32, (int) nnz, n);
            } else {
                System.arraycopy(other.v64, 0, v64, (int) nnz, n);
            }
            ensureRows(rows + r);
            for (int k = 1; k <= r; k++) {
                indptr[rows + k] = nnz + other.indptr[k];
            }
            System.arraycopy(other.labels, 0, labels, rows, r);
            if (other.weights != null || weights != null) {
                if (weights == null) {
                    weights = new double[labels.length];
                    Arrays.fill(weights, 0, rows, 1.0);
                }
                if (other.weights != null) {
                    System.arraycopy(other.weights, 0, weights, rows, r);
                } else {
                    Arrays.fill(weights, rows, rows + r, 1.0);
                }
            }
            if (other.qids != null) {
                if (qids == null) {
                    qids = new long[labels.length];
                }
                System.arraycopy(other.qids, 0, qids, rows, r);
            }
            if (other.labelIndptr != null || labelIndptr != null) {
                appendLabelLists(other);
            }
            nnz += n;
            rows += r;
            maxIndexPlusOne = Math.max(maxIndexPlusOne, other.maxIndexPlusOne);
            return this;
        }

        private void appendLabelLists(Builder other) {
            if (labelIndptr == null) {
                labelIndptr = new long[labels.length + 1];
                labelValues = new double[Math.max(16, rows)];
                for (int k = 0; k < rows; k++) {
                    labelValues[k] = labels[k];
                    labelIndptr[k + 1] = k + 1;
                }
                labelCount = rows;
            }
            int r = other.rows;
            int extra = other.labelIndptr != null ? other.labelCount : r;
            if (labelCount + extra > labelValues.length) {
                labelValues = Arrays.copyOf(labelValues, Math.max(labelValues.length * 2, labelCount + extra));
            }
            if (other.labelIndptr != null) {
                System.arraycopy(other.labelValues, 0, labelValues, labelCount, extra);
                for (int k = 1; k <= r; k++) {
                    labelIndptr[rows + k] = labelCount + other.labelIndptr[k];
                }
            } else {
                System.arraycopy(other.labels, 0, labelValues, labelCount, r);
                for (int k = 1; k <= r; k++) {
                    labelIndptr[rows + k] = labelCount + k;
                }
            }
            labelCount += extra;
        }

        /**
         * Adds {@code delta} to every stored index (AUTO index-base decisions are known only after the whole input
         * was read). Indices must stay non-negative.
         */
        Builder shiftIndices(int delta) {
            for (int k = 0; k < nnz; k++) {
                indices[k] += delta;
            }
            maxIndexPlusOne = Math.max(0, maxIndexPlusOne + delta);
            return this;
        }

        private void ensurePairs(long need) {
            if (need > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2^31 - 9 stored values do not fit in Java arrays");
            }
            if (need > indices.length) {
                int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, (long) indices.length * 2));
                indices = Arrays.copyOf(indices, cap);
                if (v32 != null) {
                    v32 = Arrays.copyOf(v32, cap);
                } else {
                    v64 = Arrays.copyOf(v64, cap);
                }
            }
        }

        private void ensureRows(int need) {
            if (need + 1 > indptr.length) {
                int cap = Math.max(need + 1, indptr.length * 2);
                indptr = Arrays.copyOf(indptr, cap);
                labels = Arrays.copyOf(labels, cap);
                if (weights != null) {
                    weights = Arrays.copyOf(weights, cap);
                }
                if (qids != null) {
                    qids = Arrays.copyOf(qids, cap);
                }
                if (labelIndptr != null) {
                    labelIndptr = Arrays.copyOf(labelIndptr, cap + 1);
                }
            }
        }

        /**
         * Builds one matrix from builders filled in order (a parallel load's per-range builders): the same matrix
         * as appending each to the first and building, but every array is copied once, straight into its final,
         * exactly sized place. The width is the first builder's declared one, else the largest index + 1 of all.
         * The builders must not be used afterwards.
         */
        static CsrMatrix build(List<Builder> parts) {
            Builder first = parts.get(0);
            boolean labelLists = false;
            boolean anyWeights = false;
            boolean anyQids = false;
            long totalNnz = 0;
            long totalRows = 0;
            long maxCols = 0;
            for (Builder b : parts) {
                if (b.type != first.type) {
                    throw new IllegalArgumentException("cannot join " + b.type + " rows to " + first.type + " rows");
                }
                labelLists |= b.labelIndptr != null;
                anyWeights |= b.weights != null;
                anyQids |= b.qids != null;
                totalNnz += b.nnz;
                totalRows += b.rows;
                maxCols = Math.max(maxCols, b.maxIndexPlusOne);
            }
            if (labelLists || parts.size() == 1) {
                // Label lists are rare; their merge rules live in append(Builder).
                for (int k = 1; k < parts.size(); k++) {
                    first.append(parts.get(k));
                }
                return first.build();
            }
            if (totalNnz > Integer.MAX_VALUE - 8 || totalRows > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2^31 - 9 stored values or rows do not fit in Java arrays");
            }
            int n = (int) totalNnz;
            int rowCount = (int) totalRows;
            long[] indptr = new long[rowCount + 1];
            int[] indices = new int[n];
            float[] v32 = first.v32 != null ? new float[n] : null;
            double[] v64 = first.v64 != null ? new double[n] : null;
            double[] labels = new double[rowCount];
            double[] weights = anyWeights ? new double[rowCount] : null;
            long[] qids = anyQids ? new long[rowCount] : null;
            int at = 0;
            int row = 0;
            for (Builder b : parts) {
                int bn = (int) b.nnz;
                System.arraycopy(b.indices, 0, indices, at, bn);
                if (v32 != null) {
                    System.arraycopy(b.v32, 0, v32, at, bn);
                } else {
                    System.arraycopy(b.v64, 0, v64, at, bn);
                }
                for (int k = 1; k <= b.rows; k++) {
                    indptr[row + k] = at + b.indptr[k];
                }
                System.arraycopy(b.labels, 0, labels, row, b.rows);
                if (weights != null) {
                    if (b.weights != null) {
                        System.arraycopy(b.weights, 0, weights, row, b.rows);
                    } else {
                        Arrays.fill(weights, row, row + b.rows, 1.0);
                    }
                }
                if (qids != null && b.qids != null) {
                    System.arraycopy(b.qids, 0, qids, row, b.rows);
                }
                at += bn;
                row += b.rows;
            }
            long cols = first.declaredCols >= 0 ? first.declaredCols : maxCols;
            return new CsrMatrix(rowCount, cols, indptr, indices, v32, v64, labels, null, null, weights, qids);
        }

        /**
         * The matrix of the rows added so far (the builder's arrays are trimmed, not shared).
         *
         * @return a new matrix holding copies of the rows added so far; the builder stays usable
         */
        public CsrMatrix build() {
            int n = (int) nnz;
            long cols = declaredCols >= 0 ? declaredCols : maxIndexPlusOne;
            return new CsrMatrix(rows, cols, Arrays.copyOf(indptr, rows + 1), Arrays.copyOf(indices, n),
                    v32 != null ? Arrays.copyOf(v32, n) : null, v64 != null ? Arrays.copyOf(v64, n) : null,
                    Arrays.copyOf(labels, rows),
                    labelIndptr != null ? Arrays.copyOf(labelIndptr, rows + 1) : null,
                    labelValues != null ? Arrays.copyOf(labelValues, labelCount) : null,
                    weights != null ? Arrays.copyOf(weights, rows) : null,
                    qids != null ? Arrays.copyOf(qids, rows) : null);
        }
    }
}

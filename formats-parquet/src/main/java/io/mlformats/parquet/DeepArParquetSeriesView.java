package io.mlformats.parquet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The current DeepAR series of a {@link DeepArParquetReader}: a view into arrays the reader reuses for every row,
 * valid until its next {@code next()} or {@code close()}. No allocation per row once the arrays have grown to the
 * longest series. {@link #copy()} returns an owned {@link DeepArParquetSeries} to keep one. Not thread-safe.
 */
public final class DeepArParquetSeriesView {
    final StringBuilder start = new StringBuilder(32);
    final Values target = new Values();
    final Values cat = new Values();
    boolean hasCat;
    final List<Values> dynamicFeat = new ArrayList<>();
    int dynamicFeatCount;
    boolean hasDynamicFeat;

    DeepArParquetSeriesView() {
    }

    /**
     * The start timestamp text ({@code YYYY-MM-DD HH:MM:SS} for timestamp and date columns); reused.
     *
     * @return the start text, a buffer the reader refills for every row ({@code toString()} keeps it)
     */
    public CharSequence start() {
        return start;
    }

    /**
     * Number of values in {@code target}.
     *
     * @return the length of the target series
     */
    public int length() {
        return target.n;
    }

    /**
     * Target value {@code i} (NaN for a missing value), {@code 0 <= i < length()}.
     *
     * @param i position in the target series, from 0 to {@code length() - 1}
     * @return the target value at {@code i}, or NaN for a missing value
     * @throws IndexOutOfBoundsException if {@code i} is outside {@code [0, length())}
     */
    public double target(int i) {
        return target.get(i);
    }

    /**
     * True if the row has a {@code cat} list (a null cell or a table without the column: false).
     *
     * @return true if the current row has categorical features
     */
    public boolean hasCat() {
        return hasCat;
    }

    /**
     * Number of categorical features (0 without {@code cat}).
     *
     * @return the number of categorical features of the row
     */
    public int catCount() {
        return hasCat ? cat.n : 0;
    }

    /**
     * Categorical feature {@code i}, {@code 0 <= i < catCount()}.
     *
     * @param i position in the {@code cat} list, from 0 to {@code catCount() - 1}
     * @return the categorical feature at {@code i}
     * @throws IndexOutOfBoundsException if {@code i} is outside {@code [0, catCount())}
     */
    public long cat(int i) {
        return (long) cat.get(i);
    }

    /**
     * True if the row has a {@code dynamic_feat} list (a null cell or a table without the column: false).
     *
     * @return true if the current row has dynamic features
     */
    public boolean hasDynamicFeat() {
        return hasDynamicFeat;
    }

    /**
     * Number of dynamic features (0 without {@code dynamic_feat}).
     *
     * @return the number of dynamic feature series of the row
     */
    public int dynamicFeatCount() {
        return hasDynamicFeat ? dynamicFeatCount : 0;
    }

    /**
     * Length of dynamic feature {@code f}, {@code 0 <= f < dynamicFeatCount()}.
     *
     * @param f which dynamic feature, from 0 to {@code dynamicFeatCount() - 1}
     * @return the number of values in dynamic feature {@code f}
     * @throws IndexOutOfBoundsException if {@code f} is outside {@code [0, dynamicFeatCount())}
     */
    public int dynamicFeatLength(int f) {
        checkFeature(f);
        return dynamicFeat.get(f).n;
    }

    /**
     * Value {@code t} of dynamic feature {@code f} (NaN for a missing value).
     *
     * @param f which dynamic feature, from 0 to {@code dynamicFeatCount() - 1}
     * @param t time step within that feature, from 0 to {@code dynamicFeatLength(f) - 1}
     * @return the value, or NaN for a missing value
     * @throws IndexOutOfBoundsException if {@code f} or {@code t} is out of range
     */
    public double dynamicFeat(int f, int t) {
        checkFeature(f);
        return dynamicFeat.get(f).get(t);
    }

    /**
     * An owned copy of this series, independent of the reader.
     *
     * @return a new series holding copies of the start text and of every array
     */
    public DeepArParquetSeries copy() {
        long[] c = null;
        if (hasCat) {
            c = new long[cat.n];
            for (int i = 0; i < c.length; i++) {
                c[i] = (long) cat.a[i];
            }
        }
        double[][] d = null;
        if (hasDynamicFeat) {
            d = new double[dynamicFeatCount][];
            for (int i = 0; i < d.length; i++) {
                d[i] = Arrays.copyOf(dynamicFeat.get(i).a, dynamicFeat.get(i).n);
            }
        }
        return new DeepArParquetSeries(start.toString(), Arrays.copyOf(target.a, target.n), c, d);
    }

    /** A short description (allocates; for debugging). */
    @Override
    public String toString() {
        return "DeepArParquetSeriesView[start=" + start + ", target=" + target.n + " values"
                + (hasCat ? ", cat=" + cat.n : "") + (hasDynamicFeat ? ", dynamic_feat=" + dynamicFeatCount : "")
                + "]";
    }

    void clear() {
        start.setLength(0);
        target.n = 0;
        cat.n = 0;
        hasCat = false;
        dynamicFeatCount = 0;
        hasDynamicFeat = false;
    }

    /** Starts a new dynamic feature row and returns its (cleared) buffer. */
    Values nextDynamicFeat() {
        if (dynamicFeatCount == dynamicFeat.size()) {
            dynamicFeat.add(new Values());
        }
        Values v = dynamicFeat.get(dynamicFeatCount++);
        v.n = 0;
        return v;
    }

    /** The dynamic feature row being filled. */
    Values lastDynamicFeat() {
        return dynamicFeat.get(dynamicFeatCount - 1);
    }

    private void checkFeature(int f) {
        if (f < 0 || f >= dynamicFeatCount()) {
            throw new IndexOutOfBoundsException("dynamic feature " + f + " of " + dynamicFeatCount());
        }
    }

    /** A growable double buffer, reused across rows. */
    static final class Values {
        double[] a = new double[64];
        int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        void setLast(double v) {
            a[n - 1] = v;
        }

        double get(int i) {
            if (i < 0 || i >= n) {
                throw new IndexOutOfBoundsException("index " + i + " of " + n);
            }
            return a[i];
        }
    }
}

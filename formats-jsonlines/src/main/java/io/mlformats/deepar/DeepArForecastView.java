package io.mlformats.deepar;

import io.mlformats.jsonlines.internal.AsciiNames;
import io.mlformats.jsonlines.internal.DoubleList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current forecast of a {@link DeepArForecastReader}: a view the reader reuses for every line, valid until the
 * next {@link DeepArForecastReader#next()} or {@link DeepArForecastReader#close()}. Reading it allocates nothing:
 * the arrays returned by {@link #meanArray()}, {@link #quantileArray(int)} and {@link #sampleArray(int)} are the
 * reader's own buffers (longer than the data: use the length accessors) and are overwritten by the next record;
 * quantile levels are Strings the reader keeps from line to line. {@link #copy()} returns an owned
 * {@link DeepArForecast}. Not thread-safe.
 */
public final class DeepArForecastView {
    boolean hasMean;
    final DoubleList mean = new DoubleList(64);
    final AsciiNames quantileLevels = new AsciiNames();
    DoubleList[] quantiles = new DoubleList[0];
    boolean hasSamples;
    DoubleList[] samples = new DoubleList[0];
    int sampleCount;

    /** Views are made by readers only. */
    DeepArForecastView() {
    }

    void clear() {
        hasMean = false;
        mean.clear();
        quantileLevels.clear();
        hasSamples = false;
        sampleCount = 0;
    }

    /** A cleared buffer for the quantile whose level was just added to {@link #quantileLevels}. */
    DoubleList addQuantile() {
        quantiles = grow(quantiles, quantileLevels.size());
        return quantiles[quantileLevels.size() - 1];
    }

    DoubleList addSampleRow() {
        samples = grow(samples, ++sampleCount);
        return samples[sampleCount - 1];
    }

    private static DoubleList[] grow(DoubleList[] rows, int count) {
        if (count > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(4, Math.max(count, rows.length * 2)));
        }
        if (rows[count - 1] == null) {
            rows[count - 1] = new DoubleList(64);
        }
        rows[count - 1].clear();
        return rows;
    }

    /** Loads an owned forecast (the reader's path for lines its scanner declines). */
    void set(DeepArForecast f) {
        clear();
        if (f.mean() != null) {
            hasMean = true;
            mean.set(f.mean());
        }
        for (Map.Entry<String, double[]> e : f.quantiles().entrySet()) {
            quantileLevels.add(e.getKey());
            addQuantile().set(e.getValue());
        }
        if (f.samples() != null) {
            hasSamples = true;
            for (double[] row : f.samples()) {
                addSampleRow().set(row);
            }
        }
    }

    /**
     * True if the line has {@code mean}.
     *
     * @return true if the current line has a {@code mean} array
     */
    public boolean hasMean() {
        return hasMean;
    }

    /**
     * The reader's {@code mean} buffer; values {@code [0, meanLength())}.
     *
     * @return the reader's reused buffer, not a copy: valid until the reader advances; only the first {@link
     *     #meanLength()} values belong to this line
     */
    public double[] meanArray() {
        return mean.data;
    }

    /**
     * Number of {@code mean} values (0 when absent).
     *
     * @return the number of {@code mean} values, 0 when the field is absent
     */
    public int meanLength() {
        return mean.size;
    }

    /**
     * Number of quantiles, in the line's order (0 when {@code quantiles} is absent or empty).
     *
     * @return the number of quantile arrays on the current line
     */
    public int quantileCount() {
        return quantileLevels.size();
    }

    /**
     * The level of quantile {@code i} as written, e.g. {@code "0.9"}.
     *
     * @param i the quantile index, from 0 to {@link #quantileCount()} - 1
     * @return the quantile's key exactly as written in the line
     */
    public String quantileLevel(int i) {
        return quantileLevels.get(i);
    }

    /**
     * Index of the quantile whose level is written {@code level}, or -1.
     *
     * @param level the quantile level as written, e.g. {@code "0.9"}, compared as text
     * @return the index of that quantile, or -1 if the line has no such level
     */
    public int quantileIndex(String level) {
        return quantileLevels.indexOf(level);
    }

    /**
     * The reader's buffer for quantile {@code i}; values {@code [0, quantileLength(i))}.
     *
     * @param i the quantile index, from 0 to {@link #quantileCount()} - 1
     * @return the reader's reused buffer, not a copy: valid until the reader advances; only the first {@link
     *     #quantileLength(int)} values belong to this line
     */
    public double[] quantileArray(int i) {
        return quantile(i).data;
    }

    /**
     * Number of values of quantile {@code i}.
     *
     * @param i the quantile index, from 0 to {@link #quantileCount()} - 1
     * @return the number of values of quantile {@code i}
     */
    public int quantileLength(int i) {
        return quantile(i).size;
    }

    private DoubleList quantile(int i) {
        quantileLevels.get(i); // bounds check
        return quantiles[i];
    }

    /**
     * True if the line has {@code samples}.
     *
     * @return true if the current line has a {@code samples} array
     */
    public boolean hasSamples() {
        return hasSamples;
    }

    /**
     * Number of sample paths (0 when absent).
     *
     * @return the number of sample paths, 0 when the field is absent
     */
    public int sampleCount() {
        return sampleCount;
    }

    /**
     * The reader's buffer for sample path {@code i}; values {@code [0, sampleLength(i))}.
     *
     * @param i the sample path index, from 0 to {@link #sampleCount()} - 1
     * @return the reader's reused buffer, not a copy: valid until the reader advances; only the first {@link
     *     #sampleLength(int)} values belong to this line
     */
    public double[] sampleArray(int i) {
        return sample(i).data;
    }

    /**
     * Number of values of sample path {@code i}.
     *
     * @param i the sample path index, from 0 to {@link #sampleCount()} - 1
     * @return the number of values of sample path {@code i}
     */
    public int sampleLength(int i) {
        return sample(i).size;
    }

    private DoubleList sample(int i) {
        if (i < 0 || i >= sampleCount) {
            throw new IndexOutOfBoundsException("sample path " + i + " of " + sampleCount);
        }
        return samples[i];
    }

    /**
     * An owned copy of this forecast, independent of the reader.
     *
     * @return a new forecast with copied arrays, still valid after the reader advances
     */
    public DeepArForecast copy() {
        Map<String, double[]> q = new LinkedHashMap<>();
        for (int i = 0; i < quantileLevels.size(); i++) {
            q.put(quantileLevels.get(i), quantiles[i].toArray());
        }
        double[][] rows = null;
        if (hasSamples) {
            rows = new double[sampleCount][];
            for (int i = 0; i < sampleCount; i++) {
                rows[i] = samples[i].toArray();
            }
        }
        return new DeepArForecast(hasMean ? mean.toArray() : null, q, rows);
    }

    /** The forecast as text (allocates; for messages). */
    @Override
    public String toString() {
        return copy().toString();
    }
}

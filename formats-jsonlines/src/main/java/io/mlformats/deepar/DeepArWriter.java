package io.mlformats.deepar;

import io.mlformats.core.RecordWriter;
import io.mlformats.jsonlines.internal.JsonTextWriter;
import io.mlformats.jsonlines.internal.JsonLinesOutput;
import io.mlformats.jsonlines.internal.RawJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * Writes DeepAR JSON Lines: {@code {"start": "YYYY-MM-DD HH:MM:SS", "target": [...], "cat": [...],
 * "dynamic_feat": [[...]], <extra fields>}} per line, {@code \n} endings, no BOM, floats in the shortest text that
 * reads back to the same float32, missing values as {@code "NaN"} (never the bare token Python writes).
 *
 * <p>Values DeepAR cannot read are refused with {@link IllegalArgumentException} before anything of the record
 * is written: an empty target, ±Infinity, NaN in dynamic_feat, negative cat, ragged dynamic_feat rows, a start
 * with fractions of a second or a year outside 0..9999. Follows the {@link RecordWriter} lifecycle: the output
 * is published by {@link #commit()} only; {@link #close()} without it discards a file target. Not thread-safe.
 */
public final class DeepArWriter implements RecordWriter<DeepArSeries> {
    private final JsonLinesOutput output;
    private final JsonTextWriter out;
    private final Buffers buffers = new Buffers();

    private DeepArWriter(JsonLinesOutput output) {
        this.output = output;
        this.out = output.json();
    }

    /**
     * Writes {@code file} through a hidden temporary sibling that {@link #commit()} renames over it; gzip-compressed
     * when {@code options} ask for it. The writer creates the file and publishes or deletes it.
     *
     * @param file the DeepAR JSON Lines file to create or replace on {@link #commit()}
     * @param options whether to gzip-compress the output
     * @return a writer that owns the temporary file until it is committed or closed
     * @throws IOException if the temporary sibling file cannot be created
     */
    public static DeepArWriter open(Path file, DeepArWriteOptions options) throws IOException {
        return new DeepArWriter(JsonLinesOutput.file(file, options.gzip()));
    }

    /**
     * Writes {@code file} with {@link DeepArWriteOptions#defaults()}. As {@code open(Path, ...)}.
     *
     * @param file the DeepAR JSON Lines file to create or replace on {@link #commit()}
     * @return a writer that owns the temporary file until it is committed or closed
     * @throws IOException if the temporary sibling file cannot be created
     */
    public static DeepArWriter open(Path file) throws IOException {
        return open(file, DeepArWriteOptions.defaults());
    }

    /**
     * Writes to the caller's stream; {@link #commit()} finishes it (gzip trailer when asked for) and flushes it.
     * The caller owns {@code out}; the writer never closes it.
     *
     * @param out the stream the lines are written to; stays open and owned by the caller
     * @param options whether to gzip-compress the output
     * @return a writer over {@code out}
     * @throws IOException if writing the gzip header to {@code out} fails
     */
    public static DeepArWriter open(OutputStream out, DeepArWriteOptions options) throws IOException {
        return new DeepArWriter(JsonLinesOutput.stream(out, options.gzip()));
    }

    /** Writes one series; refused series ({@link IllegalArgumentException}) leave nothing written. */
    @Override
    public void write(DeepArSeries s) throws IOException {
        float[][] rows = s.dynamicFeat();
        int[] lens = null;
        if (rows != null) {
            lens = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                lens[i] = rows[i].length;
            }
        }
        write(s.start(), s.target(), s.target().length, s.cat(), s.cat() == null ? 0 : s.cat().length, rows, lens,
                rows == null ? 0 : rows.length, s.extraFields());
    }

    /**
     * Writes the current series of a reader (no copy).
     *
     * @param v a reader's current series; only read during this call, not retained
     * @throws IOException if writing to the underlying file or stream fails
     */
    public void write(DeepArSeriesView v) throws IOException {
        int rows = v.dynamicFeatCount();
        float[][] data = new float[rows][];
        int[] lens = new int[rows];
        for (int i = 0; i < rows; i++) {
            data[i] = v.dynamicFeatArray(i);
            lens[i] = v.dynamicFeatLength(i);
        }
        write(v.start(), v.targetArray(), v.targetLength(), v.hasCat() ? v.catArray() : null, v.catLength(),
                v.hasDynamicFeat() ? data : null, lens, rows, v.extraFields());
    }

    /**
     * Writes one series from caller-owned buffers: {@code target[0, targetLength)}, {@code cat[0, catLength)}
     * ({@code cat == null}: no field), {@code rows[i][0, rowLengths[i])} for {@code i < rowCount}
     * ({@code rows == null}: no field).
     *
     * @param start the first timestamp
     * @param target the caller's target buffer, NaN for missing; only read during this call
     * @param targetLength the number of leading {@code target} values to write
     * @param cat the caller's cat buffer, or {@code null} to omit the field; only read during this call
     * @param catLength the number of leading {@code cat} values to write
     * @param rows the caller's dynamic_feat rows, or {@code null} to omit the field; only read during this call
     * @param rowLengths the number of values to write from each row
     * @param rowCount the number of leading rows to write
     * @param extraFields other fields as raw JSON text written after the DeepAR fields, or {@code null} for none
     * @throws IOException if writing to the underlying file or stream fails
     */
    public void write(LocalDateTime start, float[] target, int targetLength, int[] cat, int catLength,
                      float[][] rows, int[] rowLengths, int rowCount, Map<String, String> extraFields)
            throws IOException {
        output.checkOpen();
        check(start, target, targetLength, cat, catLength, rows, rowLengths, rowCount);
        output.beginRecord();
        try {
            out.raw("{\"start\": \"");
            startText(start);
            out.raw("\", \"target\": ").floatArray(target, targetLength);
            if (cat != null) {
                out.raw(", \"cat\": ").intArray(cat, catLength);
            }
            if (rows != null) {
                out.raw(", \"dynamic_feat\": [");
                for (int i = 0; i < rowCount; i++) {
                    if (i > 0) {
                        out.raw(", ");
                    }
                    out.floatArray(rows[i], rowLengths[i]);
                }
                out.raw(']');
            }
            if (extraFields != null) {
                for (Map.Entry<String, String> e : extraFields.entrySet()) {
                    String name = e.getKey();
                    if (name.equals("start") || name.equals("target") || name.equals("cat")
                            || name.equals("dynamic_feat")) {
                        throw new IllegalArgumentException("extra field \"" + name + "\" clashes with a DeepAR"
                                + " field");
                    }
                    RawJson.requireSingleValue(e.getValue(), name);
                    out.raw(", ").name(name).rawUtf8(e.getValue());
                }
            }
            out.raw('}');
        } catch (RuntimeException e) {
            output.rollback();
            throw e;
        }
        output.endRecord();
    }

    private void startText(LocalDateTime t) {
        digits(t.getYear(), 4);
        out.raw('-');
        digits(t.getMonthValue(), 2);
        out.raw('-');
        digits(t.getDayOfMonth(), 2);
        out.raw(' ');
        digits(t.getHour(), 2);
        out.raw(':');
        digits(t.getMinute(), 2);
        out.raw(':');
        digits(t.getSecond(), 2);
    }

    private void digits(int v, int n) {
        for (int d = n - 1; d >= 0; d--) {
            int p = (int) Math.pow(10, d);
            out.raw((char) ('0' + (v / p) % 10));
        }
    }

    /** The caller's buffers seen as a {@link DeepArRecord}, so the writer applies {@link DeepArRules} unchanged. */
    private static final class Buffers implements DeepArRecord {
        private static final int[] NONE = new int[0];
        LocalDateTime start;
        float[] target;
        int targetLength;
        int[] cat;
        int catLength;
        float[][] rows;
        int[] rowLengths;
        int rowCount;

        @Override
        public LocalDateTime start() {
            return start;
        }

        @Override
        public float[] targetArray() {
            return target;
        }

        @Override
        public int targetLength() {
            return targetLength;
        }

        @Override
        public boolean hasCat() {
            return cat != null;
        }

        @Override
        public int[] catArray() {
            return cat == null ? NONE : cat;
        }

        @Override
        public int catLength() {
            return cat == null ? 0 : catLength;
        }

        @Override
        public boolean hasDynamicFeat() {
            return rows != null;
        }

        @Override
        public int dynamicFeatCount() {
            return rows == null ? 0 : rowCount;
        }

        @Override
        public float[] dynamicFeatArray(int i) {
            return rows[i];
        }

        @Override
        public int dynamicFeatLength(int i) {
            return rowLengths[i];
        }
    }

    private void check(LocalDateTime start, float[] target, int n, int[] cat, int catN, float[][] rows,
                       int[] lens, int rowCount) {
        Buffers b = buffers;
        b.start = start;
        b.target = target;
        b.targetLength = n;
        b.cat = cat;
        b.catLength = catN;
        b.rows = rows;
        b.rowLengths = lens;
        b.rowCount = rowCount;
        String problem = DeepArRules.problem(b, -1);
        b.target = null;   // hold no caller buffer after the call
        b.cat = null;
        b.rows = null;
        b.rowLengths = null;
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Pushes buffered records to the output; never publishes a file. */
    @Override
    public void flush() throws IOException {
        output.flush();
    }

    /** Finishes and publishes the output (see {@link RecordWriter#commit()}). */
    @Override
    public void commit() throws IOException {
        output.commit();
    }

    /** Discards the output (see {@link RecordWriter#abort()}); idempotent. */
    @Override
    public void abort() {
        output.abort();
    }

    /** Aborts unless {@link #commit()} succeeded; idempotent. */
    @Override
    public void close() {
        output.abort();
    }
}

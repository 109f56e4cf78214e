package io.mlformats.libsvm.csv;

import io.mlformats.core.RecordWriter;
import io.mlformats.core.TabularWriter;
import io.mlformats.core.text.NumberFormatter;
import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.libsvm.LibSvmRow;
import io.mlformats.libsvm.internal.RowMapping;
import io.mlformats.libsvm.internal.TextSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes SageMaker CSV: {@code label[,weight],f0,f1,...} with no header, {@code \n} line ends, no quoting,
 * numbers in the shortest round-trip form, and an empty field for every column the row does not store (or
 * stores as NaN): XGBoost reads that as missing. Linear Learner and other algorithms may reject empty fields;
 * write complete rows for them.
 *
 * <p>The width is {@link CsvWriteOptions#numFeatures()} when given, else the matrix's column count, else the
 * first row's dimension (or its largest index + 1). Refused with {@link IllegalArgumentException} (nothing
 * written, the writer stays usable): infinite numbers, a NaN label or weight, an index at or beyond the width,
 * unsorted or duplicate indices, and for {@link #writeRow}: a label list, a qid, or a label or weight that the
 * options' columns do not match.
 *
 * <p>Lifecycle as core {@link RecordWriter}: only {@link #commit()} publishes a file (written to a hidden
 * temporary sibling until then) or finishes a stream (gzip trailer, flush; the stream is never closed);
 * {@link #close()} without {@code commit()} aborts. An I/O failure poisons the writer: {@code commit()} then
 * aborts and throws. Rows passed in are read during the call only. Not thread-safe.
 */
public final class CsvWriter implements TabularWriter<LibSvmRow> {
    private final TextSink sink;
    private final CsvWriteOptions options;
    private final RowMapping mapping = new RowMapping();
    private long width;

    private CsvWriter(TextSink sink, CsvWriteOptions options) {
        this.sink = sink;
        this.options = options;
        this.width = options.numFeatures();
    }

    /**
     * A writer to {@code file} (gzip-compressed when {@link CsvWriteOptions#gzip()}), published by
     * {@link #commit()}. The writer creates the file and publishes or deletes it.
     *
     * @param file    the target path; an existing file there is replaced only by {@link #commit()}
     * @param options column layout, width and compression
     * @return an open writer
     * @throws IOException if the temporary sibling file cannot be created
     */
    public static CsvWriter open(Path file, CsvWriteOptions options) throws IOException {
        return new CsvWriter(TextSink.toFile(file, options.gzip()), options);
    }

    /**
     * A writer to {@code file} with {@link CsvWriteOptions#defaults()}. The writer creates the file and
     * publishes or deletes it.
     *
     * @param file the target path; an existing file there is replaced only by {@link #commit()}
     * @return an open writer
     * @throws IOException if the temporary sibling file cannot be created
     */
    public static CsvWriter open(Path file) throws IOException {
        return open(file, CsvWriteOptions.defaults());
    }

    /**
     * A writer to {@code out} (gzip-compressed when {@link CsvWriteOptions#gzip()}); {@link #commit()} writes
     * the rest, finishes gzip and flushes. The caller owns {@code out}; the writer never closes it.
     *
     * @param out     the stream the text is written to
     * @param options column layout, width and compression
     * @return an open writer
     * @throws IOException if the gzip header cannot be written to {@code out}
     */
    public static CsvWriter open(OutputStream out, CsvWriteOptions options) throws IOException {
        return new CsvWriter(TextSink.toStream(out, options.gzip()), options);
    }

    /**
     * Writes one row: its label (when the options have a label column), weight (when they have a weight column)
     * and features.
     *
     * @throws IllegalArgumentException for a row CSV cannot hold (see the class comment); nothing written
     * @throws IllegalStateException    after commit, abort or close
     * @throws IOException              if the output failed (the writer is then poisoned)
     */
    @Override
    public void write(LibSvmRow row) throws IOException {
        sink.checkOpen();
        SparseVector f = row.features();
        if (width < 0) {
            width = f.dimension() > 0 ? f.dimension() : f.nnz() > 0 ? f.index(f.nnz() - 1) + 1L : 0;
        }
        guarded(row.label(), row.weight(), f.indices(), f.floatValues(), f.doubleValues(), 0, f.nnz(),
                options.absentAsZero());
    }

    /**
     * Writes a core labelled row. A dense row's NaN is written as an empty field (missing); a sparse row whose
     * absent entries mean 0 ({@link LabeledRow#absentIsZero()}) is written complete, zeros included; other
     * sparse rows leave absent columns empty, or write them as 0 with {@link CsvWriteOptions#absentAsZero()}. The row's label and weight must match the options' columns.
     *
     * @throws IllegalArgumentException for a label list, a qid, a label or weight the columns do not match, and
     *                                  as {@link #write(LibSvmRow)}
     * @throws IllegalStateException    after commit, abort or close
     * @throws IOException              if the output failed (the writer is then poisoned)
     */
    @Override
    public void writeRow(LabeledRow row) throws IOException {
        sink.checkOpen();
        if (row.isMultiLabel()) {
            throw new IllegalArgumentException("a CSV row holds one label; this row has a label list");
        }
        if (row.hasQid()) {
            throw new IllegalArgumentException("CSV cannot hold a qid (write LibSVM)");
        }
        if ((row.labelCount() > 0) != options.hasLabel() || (options.hasWeight() && !row.hasWeight())
                || (row.hasWeight() && !options.hasWeight())) {
            throw new IllegalArgumentException("the CSV columns are " + (options.hasLabel() ? "a label, " : "no label, ")
                    + (options.hasWeight() ? "a weight" : "no weight") + " and the features; this row has "
                    + (row.labelCount() > 0 ? "a label" : "no label") + " and " + (row.hasWeight() ? "a weight"
                    : "no weight"));
        }
        if (width < 0) {
            width = row.width();
        }
        SparseVector f = mapping.features(row, true, width);
        // Only a sparse row has absent entries; a dense row's NaN is a value that is missing, written empty.
        guarded(row.labelCount() > 0 ? row.label(0) : Double.NaN, row.weight(), f.indices(), f.floatValues(),
                f.doubleValues(), 0, f.nnz(), options.absentAsZero() && row.isSparse());
    }

    /**
     * Writes every row of {@code m}, {@code m.numCols()} columns wide unless the options fix the width.
     *
     * @param m the matrix whose rows are written in order; read during the call only
     * @throws IllegalArgumentException for a row CSV cannot hold (the rows before it are written)
     * @throws IllegalStateException    after commit, abort or close
     * @throws IOException              if the output failed (the writer is then poisoned)
     */
    public void write(CsrMatrix m) throws IOException {
        sink.checkOpen();
        if (width < 0) {
            width = m.numCols();
        }
        double[] w = m.weights();
        for (int r = 0; r < m.numRows(); r++) {
            guarded(m.labels()[r], w != null ? w[r] : 1.0, m.indices(), m.floatValues(), m.doubleValues(),
                    (int) m.indptr()[r], (int) m.indptr()[r + 1], options.absentAsZero());
        }
    }

    private void guarded(double label, double weight, int[] idx, float[] f32, double[] f64, int from, int to,
                         boolean zeros) throws IOException {
        try {
            writeRecord(label, weight, idx, f32, f64, from, to, zeros);
        } catch (IOException | RuntimeException | Error e) {
            sink.failed(e);
            throw e;
        }
    }

    /** One line; {@code zeros}: write absent columns as {@code 0} rather than empty (missing). */
    private void writeRecord(double label, double weight, int[] idx, float[] f32, double[] f64, int from, int to,
                             boolean zeros) throws IOException {
        byte delim = options.delimiter();
        long need = 2L * NumberFormatter.MAX_DOUBLE_BYTES + 4 + (zeros ? 2L : 1L) * width + (long) (to - from)
                * NumberFormatter.MAX_DOUBLE_BYTES;
        if (need > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("row too wide for one line: " + width + " columns");
        }
        int mark = sink.reserve((int) need);
        byte[] b = sink.buffer();
        int p = mark;
        try {
            boolean any = false;
            if (options.hasLabel()) {
                p = number(label, "label", b, p);
                any = true;
            }
            if (options.hasWeight()) {
                b[p++] = delim;
                p = number(weight, "weight", b, p);
            }
            int col = 0;
            for (int k = from; k < to; k++) {
                int c = idx[k];
                if (c < col || c >= width) {
                    throw new IllegalArgumentException(c < col ? "indices must be ascending and unique: " + c
                            : "feature index " + c + " is not below the CSV width " + width);
                }
                for (; col < c; col++) {
                    p = absent(b, p, any || col > 0, zeros);
                }
                if (any || col > 0) {
                    b[p++] = delim;
                }
                if (f32 != null) {
                    float v = f32[k];
                    if (Float.isInfinite(v)) {
                        throw new IllegalArgumentException("refusing to write the infinite value " + v);
                    }
                    if (!Float.isNaN(v)) {
                        p = NumberFormatter.writeFloat(v, b, p);
                    }
                } else {
                    double v = f64[k];
                    if (Double.isInfinite(v)) {
                        throw new IllegalArgumentException("refusing to write the infinite value " + v);
                    }
                    if (!Double.isNaN(v)) {
                        p = NumberFormatter.writeDouble(v, b, p);
                    }
                }
                col++;
            }
            for (; col < width; col++) {
                p = absent(b, p, any || col > 0, zeros);
            }
            if (p == mark) {
                throw new IllegalArgumentException("the row would be an empty line, which reads back as no row");
            }
        } catch (IllegalArgumentException e) {
            sink.rollback(mark);
            throw e;
        }
        b[p++] = '\n';
        sink.position(p);
    }

    /** An absent column at {@code p}: its delimiter (unless first) and, with {@code zeros}, a 0. */
    private int absent(byte[] b, int p, boolean delimit, boolean zeros) {
        if (delimit) {
            b[p++] = options.delimiter();
        }
        if (zeros) {
            b[p++] = '0';
        }
        return p;
    }

    private static int number(double v, String what, byte[] b, int p) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("refusing to write the non-finite " + what + " " + v);
        }
        return NumberFormatter.writeDouble(v, b, p);
    }

    /**
     * Pushes buffered bytes to the output; for a file, to the temporary file (flushing never publishes).
     *
     * @throws IllegalStateException after commit, abort or close
     */
    @Override
    public void flush() throws IOException {
        sink.flush();
    }

    /**
     * Finishes and publishes: a file appears under its final name, complete; a stream receives the rest of the
     * bytes, the gzip trailer when compressed, and a flush (it is not closed).
     *
     * @throws IOException           if finishing failed or an earlier write failed (the output is then aborted)
     * @throws IllegalStateException if already committed, aborted or closed
     */
    @Override
    public void commit() throws IOException {
        sink.commit();
    }

    /**
     * Discards the output: a file target leaves nothing behind and an existing file is untouched; a stream is
     * left unfinished (no gzip trailer) and open. Idempotent; a no-op after {@link #commit()}.
     */
    @Override
    public void abort() {
        sink.abort();
    }

    /** Aborts unless {@link #commit()} succeeded. Idempotent. */
    @Override
    public void close() {
        sink.abort();
    }
}

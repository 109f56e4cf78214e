package io.mlformats.libsvm;

import io.mlformats.core.RecordWriter;
import io.mlformats.core.TabularWriter;
import io.mlformats.core.text.NumberFormatter;
import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.libsvm.internal.RowMapping;
import io.mlformats.libsvm.internal.TextSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes rows or a {@link CsrMatrix} as LibSVM text in the canonical form: {@code label[:weight] [qid:N]
 * index:value ...}, one space between fields, ascending indices, numbers in the shortest text that reads back to
 * the same bits (float32 values as float32, float64 as float64), {@code \n} after every row, no trailing space,
 * no comments. Multi-label rows write their labels comma-separated (scikit-learn's form). A row's weight and
 * qid are written when the row has them.
 *
 * <pre>{@code
 * try (LibSvmWriter w = LibSvmWriter.open(path, LibSvmWriteOptions.defaults())) {
 *     for (LibSvmRow row : rows) w.write(row);
 *     w.commit();          // the only way the file is published
 * }                        // without commit(): nothing published, an existing file untouched
 * }</pre>
 *
 * <p>Refused with {@link IllegalArgumentException} (the row is not written, the writer stays usable): NaN or
 * infinite labels, weights or values unless {@link LibSvmWriteOptions#allowNonFinite()}, negative or duplicate
 * indices, a multi-label row with a weight, and a multi-label row with neither labels nor features (it would read
 * back as a blank line). Unsorted rows are written sorted.
 *
 * <p>Lifecycle as core {@link RecordWriter}: only {@link #commit()} publishes a file (written to a hidden
 * temporary sibling until then) or finishes a stream (gzip trailer, flush; the stream is never closed);
 * {@link #close()} without {@code commit()} aborts. An I/O failure poisons the writer: {@code commit()} then
 * aborts and throws. Rows passed in are read during the call only. Not thread-safe;
 * {@link #write(CsrMatrix, int)} uses threads of its own inside one call and stops them before it returns.
 */
public final class LibSvmWriter implements TabularWriter<LibSvmRow> {
    private static final int LABEL_BYTES = NumberFormatter.MAX_DOUBLE_BYTES + 1;
    private static final int PAIR_BYTES = 1 + 11 + 1 + NumberFormatter.MAX_DOUBLE_BYTES;

    private final TextSink sink;
    private final int base;
    private final boolean allowNonFinite;
    private SparseVector sorted;
    private final double[] oneLabel = new double[1];
    private final RowMapping mapping = new RowMapping();

    /** Package-private for {@link LibSvmLineFormatter}, which formats into the sink's buffer and never flushes. */
    LibSvmWriter(TextSink sink, LibSvmWriteOptions options) {
        this.sink = sink;
        this.base = options.indexBase() == IndexBase.ONE ? 1 : 0;
        this.allowNonFinite = options.allowNonFinite();
    }

    /**
     * A writer to {@code file} (gzip-compressed when {@link LibSvmWriteOptions#gzip()}), published by
     * {@link #commit()}. The writer creates the file and publishes or deletes it.
     *
     * @param file    the target path; an existing file there is replaced only by {@link #commit()}
     * @param options index base, compression and handling of non-finite numbers
     * @return an open writer
     * @throws IOException if the temporary sibling file cannot be created
     */
    public static LibSvmWriter open(Path file, LibSvmWriteOptions options) throws IOException {
        return new LibSvmWriter(TextSink.toFile(file, options.gzip()), options);
    }

    /**
     * A writer to {@code file} with {@link LibSvmWriteOptions#defaults()}. The writer creates the file and
     * publishes or deletes it.
     *
     * @param file the target path; an existing file there is replaced only by {@link #commit()}
     * @return an open writer
     * @throws IOException if the temporary sibling file cannot be created
     */
    public static LibSvmWriter open(Path file) throws IOException {
        return open(file, LibSvmWriteOptions.defaults());
    }

    /**
     * A writer to {@code out} (gzip-compressed when {@link LibSvmWriteOptions#gzip()}); {@link #commit()}
     * writes the rest, finishes gzip and flushes. The caller owns {@code out}; the writer never closes it.
     *
     * @param out     the stream the text is written to
     * @param options index base, compression and handling of non-finite numbers
     * @return an open writer
     * @throws IOException if the gzip header cannot be written to {@code out}
     */
    public static LibSvmWriter open(OutputStream out, LibSvmWriteOptions options) throws IOException {
        return new LibSvmWriter(TextSink.toStream(out, options.gzip()), options);
    }

    /**
     * Writes a whole matrix to {@code file} and commits it: the file appears complete or not at all.
     *
     * @param matrix  the rows to write, read during the call only
     * @param file    the target path; an existing file there is replaced only when every row was written
     * @param options index base, compression and handling of non-finite numbers
     * @throws IOException              if the file cannot be written or published (nothing is published)
     * @throws IllegalArgumentException for a row LibSVM text cannot hold (nothing is published)
     */
    public static void write(CsrMatrix matrix, Path file, LibSvmWriteOptions options) throws IOException {
        try (LibSvmWriter w = open(file, options)) {
            w.write(matrix);
            w.commit();
        }
    }

    /**
     * Writes one row.
     *
     * @throws IllegalArgumentException for a row LibSVM text cannot hold (see the class comment); nothing written
     * @throws IllegalStateException    after commit, abort or close
     * @throws IOException              if the output failed (the writer is then poisoned)
     */
    @Override
    public void write(LibSvmRow row) throws IOException {
        sink.checkOpen();
        SparseVector f = row.features();
        boolean multi = row.isMultiLabel();
        double[] labels = row.labelArray();
        if (!multi) {
            oneLabel[0] = row.label();
            labels = oneLabel;
        }
        guarded(labels, multi ? row.labelCount() : 1, multi, row.weight(), row.hasWeight(), row.qid(),
                row.hasQid(), f);
    }

    /**
     * Writes a core labelled row: its labels (a label list for a multi-label row), weight, qid and features (a
     * dense row's NaN entries are missing values and are left out; zeros are written).
     *
     * @throws IllegalArgumentException for a single-label row without a label, and as {@link #write(LibSvmRow)}
     * @throws IllegalStateException    after commit, abort or close
     * @throws IOException              if the output failed (the writer is then poisoned)
     */
    @Override
    public void writeRow(LabeledRow row) throws IOException {
        sink.checkOpen();
        boolean multi = row.isMultiLabel();
        if (!multi && row.labelCount() == 0) {
            throw new IllegalArgumentException("LibSVM rows need a label and this row has none");
        }
        guarded(mapping.labels(row), row.labelCount(), multi, row.weight(), row.hasWeight(), row.qid(),
                row.hasQid(), mapping.features(row, false, 0));
    }

    private void guarded(double[] labels, int lCount, boolean multi, double weight, boolean hasWeight, long qid,
            boolean hasQid, SparseVector f) throws IOException {
        try {
            writeRecord(labels, 0, lCount, multi, weight, hasWeight, qid, hasQid, f.indices(), f.floatValues(),
                    f.doubleValues(), 0, f.nnz());
        } catch (IOException | RuntimeException | Error e) {
            sink.failed(e);
            throw e;
        }
    }

    /**
     * Writes every row of {@code m}: weights when it has weights, qids when it has qids. A refused row stops the
     * write after the rows before it.
     *
     * @param m the matrix whose rows are written in order; read during the call only
     * @throws IllegalArgumentException for a row LibSVM text cannot hold (the rows before it are written)
     * @throws IllegalStateException    after commit, abort or close
     * @throws IOException              if the output failed (the writer is then poisoned)
     */
    public void write(CsrMatrix m) throws IOException {
        sink.checkOpen();
        writeRows(m, 0, m.numRows());
    }

    /**
     * Writes every row of {@code m} like {@link #write(CsrMatrix)}, byte for byte, with {@code threads} threads
     * formatting blocks of rows (about 4 MB of text each) while the calling thread writes them out in order. At
     * most two blocks per thread are held at once, so memory stays bounded whatever the matrix size. A refused
     * row stops the write exactly where {@link #write(CsrMatrix)} would: the rows before it are written, then
     * its exception is thrown. Gzip, when on, still runs on the calling thread. If the calling thread is
     * interrupted, the write stops with an {@link java.io.InterruptedIOException} (the writer is then poisoned,
     * the thread's interrupt status is kept), and every formatting thread has ended before it returns.
     *
     * @param m       the matrix whose rows are written in order; read during the call only
     * @param threads number of formatting threads, at least 1; 1 formats on the calling thread (no threads are
     *                started)
     * @throws IllegalArgumentException if {@code threads} is below 1, or for a refused row
     * @throws IllegalStateException    after commit, abort or close
     * @throws IOException              if the output failed or the calling thread was interrupted
     *                                  ({@link java.io.InterruptedIOException}); the writer is then poisoned
     */
    public void write(CsrMatrix m, int threads) throws IOException {
        write(m, threads, BLOCK_NNZ);
    }

    /** About 4 MB of text at the ~17 bytes per pair of typical data; rows are never split. */
    static final int BLOCK_NNZ = 1 << 18;

    void write(CsrMatrix m, int threads, int blockNnz) throws IOException {
        sink.checkOpen();
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (threads == 1 || m.numRows() < 2) {
            write(m);
            return;
        }
        LibSvmWriteOptions plain = new LibSvmWriteOptions(base == 1 ? IndexBase.ONE : IndexBase.ZERO, false,
                allowNonFinite);
        try {
            new ParallelMatrixWriter(m, threads, blockNnz, plain).writeTo(sink);
        } catch (IOException | RuntimeException | Error e) {
            sink.failed(e);
            throw e;
        }
    }

    /** Writes rows {@code [from, to)} of {@code m}. */
    void writeRows(CsrMatrix m, int fromRow, int toRow) throws IOException {
        long[] indptr = m.indptr();
        long[] lp = m.labelIndptr();
        double[] w = m.weights();
        long[] q = m.qids();
        try {
            for (int r = fromRow; r < toRow; r++) {
                int from = (int) indptr[r];
                int to = (int) indptr[r + 1];
                double wr = w != null ? w[r] : 1;
                long qr = q != null ? q[r] : 0;
                if (lp != null) {
                    writeRecord(m.labelValues(), (int) lp[r], (int) (lp[r + 1] - lp[r]), true, wr, w != null, qr,
                            q != null, m.indices(), m.floatValues(), m.doubleValues(), from, to);
                } else {
                    writeRecord(m.labels(), r, 1, false, wr, w != null, qr, q != null, m.indices(),
                            m.floatValues(), m.doubleValues(), from, to);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            sink.failed(e);
            throw e;
        }
    }

    /** The one LibSVM line formatter (also {@link LibSvmLineFormatter}'s): a record into the sink, '\n' ended. */
    void writeRecord(double[] labels, int lOff, int lCount, boolean multi, double weight, boolean hasWeight,
            long qid, boolean hasQid, int[] idx, float[] f32, double[] f64, int from, int to) throws IOException {
        for (int i = from + 1; i < to; i++) {
            if (idx[i] <= idx[i - 1]) {
                SparseVector s = sortedCopy(idx, f32, f64, from, to);
                writeRecord(labels, lOff, lCount, multi, weight, hasWeight, qid, hasQid, s.indices(),
                        s.floatValues(), s.doubleValues(), 0, s.nnz());
                return;
            }
        }
        if (multi && hasWeight) {
            throw new IllegalArgumentException("a multi-label row cannot carry a weight in LibSVM text");
        }
        if (multi && lCount == 0 && from == to) {
            throw new IllegalArgumentException("a multi-label row with no labels and no features would be written "
                    + "as a blank line, which is not a row");
        }
        if (from < to && idx[from] < 0) {
            throw new IllegalArgumentException("negative feature index " + idx[from]);
        }
        int mark = sink.reserve(lCount * LABEL_BYTES + 2 * LABEL_BYTES + 30 + (to - from) * PAIR_BYTES);
        byte[] b = sink.buffer();
        int p = mark;
        try {
            for (int k = 0; k < lCount; k++) {
                if (k > 0) {
                    b[p++] = ',';
                }
                p = writeNumber(labels[lOff + k], "label", b, p);
            }
            if (hasWeight) {
                b[p++] = ':';
                p = writeNumber(weight, "weight", b, p);
            }
            boolean space = lCount > 0;
            if (hasQid) {
                if (space) {
                    b[p++] = ' ';
                }
                b[p++] = 'q';
                b[p++] = 'i';
                b[p++] = 'd';
                b[p++] = ':';
                p = NumberFormatter.writeLong(qid, b, p);
                space = true;
            }
            for (int k = from; k < to; k++) {
                if (space || k > from || multi) {
                    b[p++] = ' ';
                }
                p = NumberFormatter.writeLong((long) idx[k] + base, b, p);
                b[p++] = ':';
                if (f32 != null) {
                    float v = f32[k];
                    if (!allowNonFinite && !Float.isFinite(v)) {
                        throw nonFinite("value", v);
                    }
                    p = NumberFormatter.writeFloat(v, b, p);
                } else {
                    p = writeNumber(f64[k], "value", b, p);
                }
            }
        } catch (IllegalArgumentException e) {
            sink.rollback(mark);
            throw e;
        }
        b[p++] = '\n';
        sink.position(p);
    }

    private int writeNumber(double v, String what, byte[] b, int p) {
        if (!allowNonFinite && !Double.isFinite(v)) {
            throw nonFinite(what, v);
        }
        return NumberFormatter.writeDouble(v, b, p);
    }

    private static IllegalArgumentException nonFinite(String what, double v) {
        return new IllegalArgumentException("refusing to write the non-finite " + what + " " + v
                + " (xgboost cannot read it; LibSvmWriteOptions.withAllowNonFinite(true) writes it anyway)");
    }

    private SparseVector sortedCopy(int[] idx, float[] f32, double[] f64, int from, int to) {
        ValueType t = f32 != null ? ValueType.FLOAT32 : ValueType.FLOAT64;
        if (sorted == null || sorted.type() != t) {
            sorted = SparseVector.of(t, to - from);
        }
        sorted.clear();
        for (int k = from; k < to; k++) {
            if (f32 != null) {
                sorted.append(idx[k], f32[k]);
            } else {
                sorted.append(idx[k], f64[k]);
            }
        }
        sorted.sortByIndex();
        for (int k = 1; k < sorted.nnz(); k++) {
            if (sorted.index(k) == sorted.index(k - 1)) {
                throw new IllegalArgumentException("duplicate feature index " + sorted.index(k));
            }
        }
        return sorted;
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

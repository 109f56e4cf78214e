package io.mlformats.libsvm.csv;

import io.mlformats.core.RecordWriter;
import io.mlformats.core.text.NumberFormatter;
import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.libsvm.LibSvmRow;
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
 * <p>The width is {@link CsvOptions#numFeatures()} when given, else the matrix's column count, else the first
 * row's dimension (or its largest index + 1). Refused with {@link IllegalArgumentException} (nothing written,
 * the writer stays usable): infinite numbers, a NaN label or weight, an index at or beyond the width, unsorted
 * or duplicate indices. Files go through {@link io.mlformats.core.AtomicFileSink}. Not thread-safe.
 */
public final class CsvWriter implements RecordWriter<LibSvmRow> {
    private final TextSink sink;
    private final CsvOptions options;
    private long width;

    private CsvWriter(TextSink sink, CsvOptions options) {
        this.sink = sink;
        this.options = options;
        this.width = options.numFeatures();
    }

    /** A writer to {@code file}, published atomically on {@link #close()}. */
    public static CsvWriter open(Path file, CsvOptions options, boolean gzip) throws IOException {
        return new CsvWriter(TextSink.toFile(file, gzip), options);
    }

    /** A writer to {@code out}; {@link #close()} closes it. */
    public static CsvWriter to(OutputStream out, CsvOptions options) throws IOException {
        return new CsvWriter(TextSink.toStream(out, false), options);
    }

    @Override
    public void write(LibSvmRow row) throws IOException {
        SparseVector f = row.features();
        if (width < 0) {
            width = f.dimension() > 0 ? f.dimension() : f.nnz() > 0 ? f.index(f.nnz() - 1) + 1L : 0;
        }
        guarded(row.label(), row.weight(), f.indices(), f.floatValues(), f.doubleValues(), 0, f.nnz());
    }

    /** Writes every row of {@code m}, {@code m.numCols()} columns wide unless the options fix the width. */
    public void write(CsrMatrix m) throws IOException {
        if (width < 0) {
            width = m.numCols();
        }
        double[] w = m.weights();
        for (int r = 0; r < m.numRows(); r++) {
            guarded(m.labels()[r], w != null ? w[r] : 1.0, m.indices(), m.floatValues(), m.doubleValues(),
                    (int) m.indptr()[r], (int) m.indptr()[r + 1]);
        }
    }

    private void guarded(double label, double weight, int[] idx, float[] f32, double[] f64, int from, int to)
            throws IOException {
        try {
            writeRecord(label, weight, idx, f32, f64, from, to);
        } catch (IOException | RuntimeException | Error e) {
            if (!(e instanceof IllegalArgumentException)) {
                sink.fail();
            }
            throw e;
        }
    }

    private void writeRecord(double label, double weight, int[] idx, float[] f32, double[] f64, int from, int to)
            throws IOException {
        byte delim = options.delimiter();
        long need = 2L * NumberFormatter.MAX_DOUBLE_BYTES + 4 + width + (long) (to - from)
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
                    if (any || col > 0) {
                        b[p++] = delim;
                    }
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
                if (any || col > 0) {
                    b[p++] = delim;
                }
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

    private static int number(double v, String what, byte[] b, int p) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("refusing to write the non-finite " + what + " " + v);
        }
        return NumberFormatter.writeDouble(v, b, p);
    }

    @Override
    public void flush() throws IOException {
        sink.flush();
    }

    public void abort() {
        sink.abort();
    }

    @Override
    public void commit() throws IOException {
        sink.close();
    }

    /** Aborts unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        abort();
    }
}

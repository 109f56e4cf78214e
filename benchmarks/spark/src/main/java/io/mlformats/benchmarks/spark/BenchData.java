package io.mlformats.benchmarks.spark;

import io.mlformats.recordio.protobuf.RecordProtobufWriteOptions;
import io.mlformats.recordio.protobuf.RecordProtobufWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The benchmark's input files, generated once per size and seed and kept in a directory:
 *
 * <ul>
 *   <li>"video attributes": {@code rows} x 10,000 dimensions, 30-50 (about 40) entries per row, 0/1 labels; six
 *       numeric attributes (columns 0-5, short decimals) and tags (value 1, log-uniform columns 6-9,999, so small
 *       ones are frequent); LibSVM 1-based (as Spark writes) and 0-based (as SageMaker XGBoost reads), and
 *       RecordIO-protobuf (float32, sparse, shape 10,000);</li>
 *   <li>a dense set: {@code denseRows} x 128 values with 3 decimals, LibSVM 1-based and RecordIO-protobuf.</li>
 * </ul>
 *
 * The three copies of a set hold the same rows. Not thread-safe.
 *
 * @param dir the directory of the files
 * @param rows rows of the video attributes set
 * @param denseRows rows of the dense set
 * @param seed the seed
 */
record BenchData(Path dir, long rows, long denseRows, long seed) {
    /** Dimensions of the video attributes set. */
    static final int DIMS = 10_000;
    /** Dimensions of the dense set. */
    static final int DENSE_DIMS = 128;
    private static final int NUMERIC = 6;

    /** The video attributes set, LibSVM with 1-based indices. */
    Path sparseOneBased() {
        return dir.resolve(name("video", rows, "1based.libsvm"));
    }

    /** The video attributes set, LibSVM with 0-based indices. */
    Path sparseZeroBased() {
        return dir.resolve(name("video", rows, "0based.libsvm"));
    }

    /** The video attributes set, RecordIO-protobuf. */
    Path sparseRecordIo() {
        return dir.resolve(name("video", rows, "pbr"));
    }

    /** The dense set, LibSVM with 1-based indices. */
    Path denseOneBased() {
        return dir.resolve(name("dense", denseRows, "1based.libsvm"));
    }

    /** The dense set, RecordIO-protobuf. */
    Path denseRecordIo() {
        return dir.resolve(name("dense", denseRows, "pbr"));
    }

    private String name(String set, long n, String ext) {
        return set + "-" + n + "-s" + seed + "." + ext;
    }

    /**
     * Writes the files that are not there yet (files are written under a temporary name and renamed, so a
     * present file is complete).
     *
     * @throws IOException if writing fails
     */
    void generate() throws IOException {
        Files.createDirectories(dir);
        if (!Files.exists(sparseOneBased()) || !Files.exists(sparseZeroBased()) || !Files.exists(sparseRecordIo())) {
            writeSparse();
        }
        if (!Files.exists(denseOneBased()) || !Files.exists(denseRecordIo())) {
            writeDense();
        }
    }

    private void writeSparse() throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        int[] idx = new int[64];
        float[] val = new float[64];
        Path one = tmp(sparseOneBased());
        Path zero = tmp(sparseZeroBased());
        try (OutputStream o1 = out(one); OutputStream o0 = out(zero);
             RecordProtobufWriter pbr = RecordProtobufWriter.open(sparseRecordIo(),
                     RecordProtobufWriteOptions.defaults())) {
            StringBuilder l1 = new StringBuilder(1024);
            StringBuilder l0 = new StringBuilder(1024);
            for (long i = 0; i < rows; i++) {
                int label = r.nextInt(2);
                int nnz = sparseRow(r, idx, val);
                line(l1, label, idx, val, nnz, 1);
                line(l0, label, idx, val, nnz, 0);
                o1.write(l1.toString().getBytes(StandardCharsets.US_ASCII));
                o0.write(l0.toString().getBytes(StandardCharsets.US_ASCII));
                pbr.writeSparse(DIMS, idx, val, 0, nnz, label);
            }
            pbr.commit();
        }
        Files.move(one, sparseOneBased());
        Files.move(zero, sparseZeroBased());
    }

    /** One row of the video attributes set into {@code idx}/{@code val}, ascending; returns its entry count. */
    private static int sparseRow(SplittableRandom r, int[] idx, float[] val) {
        for (int k = 0; k < NUMERIC; k++) {
            idx[k] = k;
        }
        int tags = r.nextInt(24, 45);
        for (int k = 0; k < tags; k++) {
            idx[NUMERIC + k] = NUMERIC - 1 + (int) Math.pow(DIMS - NUMERIC + 1, r.nextDouble());
        }
        Arrays.sort(idx, NUMERIC, NUMERIC + tags);
        int n = NUMERIC;
        for (int k = NUMERIC; k < NUMERIC + tags; k++) {
            if (idx[k] != idx[n - 1]) {
                idx[n++] = idx[k];
            }
        }
        val[0] = (float) (Math.rint(r.nextDouble(1, 180) * 10) / 10);
        val[1] = (float) Math.rint(r.nextDouble(500, 9000));
        val[2] = (float) (r.nextInt(1, 1001) / 1000.0);
        val[3] = r.nextInt(1, 3651);
        val[4] = r.nextInt(1, 25);
        val[5] = (float) (Math.rint(r.nextDouble(1, 5) * 100) / 100);
        for (int k = NUMERIC; k < n; k++) {
            val[k] = 1;
        }
        return n;
    }

    private void writeDense() throws IOException {
        SplittableRandom r = new SplittableRandom(seed + 1);
        float[] row = new float[DENSE_DIMS];
        int[] idx = new int[DENSE_DIMS];
        for (int k = 0; k < DENSE_DIMS; k++) {
            idx[k] = k;
        }
        Path one = tmp(denseOneBased());
        try (OutputStream o1 = out(one);
             RecordProtobufWriter pbr = RecordProtobufWriter.open(denseRecordIo(),
                     RecordProtobufWriteOptions.defaults())) {
            StringBuilder l1 = new StringBuilder(2048);
            for (long i = 0; i < denseRows; i++) {
                int label = r.nextInt(2);
                for (int k = 0; k < DENSE_DIMS; k++) {
                    // never 0: a dense LibSVM line lists every column, and a 0 would be dropped by sparse readers
                    row[k] = (float) (r.nextInt(1, 1000) / (r.nextBoolean() ? 1000.0 : -1000.0));
                }
                line(l1, label, idx, row, DENSE_DIMS, 1);
                o1.write(l1.toString().getBytes(StandardCharsets.US_ASCII));
                pbr.writeDense(row, label);
            }
            pbr.commit();
        }
        Files.move(one, denseOneBased());
    }

    private static void line(StringBuilder sb, int label, int[] idx, float[] val, int nnz, int base) {
        sb.setLength(0);
        sb.append(label);
        for (int k = 0; k < nnz; k++) {
            sb.append(' ').append(idx[k] + base).append(':');
            float v = val[k];
            if (v == Math.rint(v)) {
                sb.append((long) v);
            } else {
                sb.append(v);
            }
        }
        sb.append('\n');
    }

    private static Path tmp(Path p) {
        return p.resolveSibling("." + p.getFileName() + ".tmp");
    }

    private static OutputStream out(Path p) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(p), 1 << 20);
    }
}

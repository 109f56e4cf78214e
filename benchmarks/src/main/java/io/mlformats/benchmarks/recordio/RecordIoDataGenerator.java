package io.mlformats.benchmarks.recordio;

import io.mlformats.recordio.protobuf.RecordProtobufWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the RecordIO-protobuf benchmark inputs: {@code rows} rows of float32 features with float32 labels, dense
 * (100 columns) or sparse (about 50 non-zeros of 100,000 columns, sorted keys), seeded.
 *
 * <pre>java -cp benchmarks.jar io.mlformats.benchmarks.recordio.RecordIoDataGenerator out.pbr 100000 dense 42</pre>
 */
public final class RecordIoDataGenerator {
    public static final int DENSE_COLS = 100;
    public static final int SPARSE_COLS = 100_000;
    public static final int SPARSE_NNZ = 50;

    private RecordIoDataGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: RecordIoDataGenerator <output.pbr> <rows> dense|sparse <seed>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        boolean dense = args[2].equals("dense");
        long seed = Long.parseLong(args[3]);
        write(out, rows, dense, seed);
        System.out.println("wrote " + rows + (dense ? " dense" : " sparse") + " rows to " + out);
    }

    /** Writes the file (atomically). */
    public static void write(Path out, int rows, boolean dense, long seed) throws IOException {
        Rows data = Rows.generate(rows, dense, seed);
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out)) {
            data.writeTo(w);
            w.commit();
        }
    }

    /** In-memory benchmark data: dense rows, or CSR-like sparse rows; float32 labels. */
    public static final class Rows {
        public final boolean dense;
        public final float[][] values;
        public final int[][] keys;
        public final float[] labels;

        private Rows(boolean dense, float[][] values, int[][] keys, float[] labels) {
            this.dense = dense;
            this.values = values;
            this.keys = keys;
            this.labels = labels;
        }

        public static Rows generate(int rows, boolean dense, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            float[][] values = new float[rows][];
            int[][] keys = dense ? null : new int[rows][];
            float[] labels = new float[rows];
            for (int i = 0; i < rows; i++) {
                labels[i] = r.nextInt(2);
                if (dense) {
                    values[i] = new float[DENSE_COLS];
                    for (int j = 0; j < DENSE_COLS; j++) {
                        values[i][j] = (float) r.nextGaussian();
                    }
                } else {
                    int nnz = SPARSE_NNZ - 10 + r.nextInt(21);
                    int[] k = r.ints(nnz, 0, SPARSE_COLS).distinct().sorted().toArray();
                    keys[i] = k;
                    values[i] = new float[k.length];
                    for (int j = 0; j < k.length; j++) {
                        values[i][j] = (float) r.nextGaussian();
                    }
                }
            }
            return new Rows(dense, values, keys, labels);
        }

        public void writeTo(RecordProtobufWriter w) throws IOException {
            for (int i = 0; i < values.length; i++) {
                if (dense) {
                    w.writeDense(values[i], labels[i]);
                } else {
                    w.writeSparse(SPARSE_COLS, keys[i], values[i], 0, keys[i].length, labels[i]);
                }
            }
        }
    }
}

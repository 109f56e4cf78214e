package io.mlformats.libsvm;

import io.mlformats.core.vector.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generators of valid LibSVM rows, of text with blank lines and comments, and of damaged text. */
final class RandomLibSvm {
    private RandomLibSvm() {
    }

    /** The shape of a generated data set. */
    record Shape(ValueType type, IndexBase base, boolean weights, boolean qids, boolean multiLabel, int maxIndex) {
        static Shape random(SplittableRandom r) {
            int[] maxes = {3, 50, 100_000, Integer.MAX_VALUE};
            return new Shape(r.nextBoolean() ? ValueType.FLOAT32 : ValueType.FLOAT64,
                    r.nextBoolean() ? IndexBase.ZERO : IndexBase.ONE, r.nextInt(3) == 0, r.nextInt(3) == 0,
                    r.nextInt(5) == 0, maxes[r.nextInt(maxes.length)]);
        }

        LibSvmReadOptions readOptions() {
            return LibSvmReadOptions.defaults().withValueType(type).withIndexBase(base).withMultiLabel(multiLabel);
        }

        LibSvmWriteOptions writeOptions() {
            return LibSvmWriteOptions.defaults().withIndexBase(base);
        }
    }

    static List<LibSvmRow> rows(SplittableRandom r, Shape s, int count) {
        List<LibSvmRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(r, s));
        }
        return rows;
    }

    static LibSvmRow row(SplittableRandom r, Shape s) {
        LibSvmRow row = new LibSvmRow(s.type());
        int nnz = r.nextInt(4) == 0 ? 0 : r.nextInt(1, 12);
        if (s.multiLabel()) {
            row.setMultiLabel();
            int n = r.nextInt(4);
            if (n == 0 && nnz == 0) {
                n = 1; // a row with neither labels nor features would be a blank line
            }
            for (int i = 0; i < n; i++) {
                row.addLabel(finiteDouble(r));
            }
        } else {
            row.setLabel(r.nextInt(3) == 0 ? r.nextInt(2) : finiteDouble(r));
            if (s.weights() && r.nextInt(4) != 0) {
                row.setWeight(finiteDouble(r));
            }
        }
        if (s.qids() && r.nextInt(4) != 0) {
            row.setQid(r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(100));
        }
        long bound = (long) s.maxIndex() + 1;
        long prev = -1;
        for (int k = 0; k < nnz && prev + 1 < bound; k++) {
            long gap = bound - prev - 1;
            long step = r.nextInt(3) == 0 ? 1 : 1 + r.nextLong(Math.max(1, Math.min(gap, bound / 8 + 1)));
            long idx = prev + Math.min(step, gap);
            if (s.type() == ValueType.FLOAT32) {
                row.features().append((int) idx, finiteFloat(r));
            } else {
                row.features().append((int) idx, finiteDouble(r));
            }
            prev = idx;
        }
        return row;
    }

    static float finiteFloat(SplittableRandom r) {
        switch (r.nextInt(6)) {
            case 0:
                return r.nextInt(-3, 4);
            case 1:
                return (float) r.nextGaussian();
            case 2:
                return new float[] {Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, -0f,
                        0.1f, 1e-7f, 3.4028235e38f}[r.nextInt(8)];
            default:
                float f;
                do {
                    f = Float.intBitsToFloat(r.nextInt());
                } while (!Float.isFinite(f));
                return f;
        }
    }

    static double finiteDouble(SplittableRandom r) {
        switch (r.nextInt(6)) {
            case 0:
                return r.nextInt(-3, 4);
            case 1:
                return r.nextGaussian();
            case 2:
                return new double[] {Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -0.0, 0.1, 1e22, 1e23,
                        5e-324, 2.2250738585072014E-308}[r.nextInt(9)];
            default:
                double d;
                do {
                    d = Double.longBitsToDouble(r.nextLong());
                } while (!Double.isFinite(d));
                return d;
        }
    }

    /** Valid text with blank lines, comments, tabs, runs of spaces and CRLF mixed in. */
    static byte[] messyText(SplittableRandom r, int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            switch (r.nextInt(8)) {
                case 0 -> sb.append(r.nextBoolean() ? "" : " \t ");
                case 1 -> sb.append("# comment ").append(r.nextInt(100)).append(" 1:2");
                default -> {
                    sb.append(r.nextInt(3)).append(r.nextInt(4) == 0 ? ":" + r.nextInt(1, 9) : "");
                    if (r.nextInt(4) == 0) {
                        sb.append(" qid:").append(r.nextInt(5));
                    }
                    int idx = r.nextInt(3);
                    for (int k = r.nextInt(8); k > 0; k--) {
                        sb.append(r.nextInt(4) == 0 ? "\t" : r.nextInt(4) == 0 ? "  " : " ");
                        sb.append(idx).append(':').append(String.format("%.7g", r.nextGaussian()));
                        idx += r.nextInt(1, 20);
                    }
                    if (r.nextInt(6) == 0) {
                        sb.append(" # trailing ").append(r.nextInt(9));
                    }
                }
            }
            if (i < lines - 1 || r.nextBoolean()) {
                sb.append(r.nextInt(5) == 0 ? "\r\n" : "\n");
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Spellings that each break the common line shape in one place (or, for some, only in some modes). */
    private static final String[] DEVIATIONS = {"nan", "-inf", "1e39", "-1e-50", "+0.5", ".5", "5.", "1e5", "0x1",
        "1,5", "", "99999999999999999999", "1.5e", "--1", "0.1234567890123456789", "3.4028236e38"};

    /**
     * Lines in the shape machine writers produce (label, single spaces, ascending {@code index:value}, {@code \n})
     * with, on some lines, one deviation: a value, index or label spelled oddly, a tab, a trailing space, a
     * weight, a qid, CRLF, an unsorted or repeated index, a comment, a missing final newline.
     */
    static byte[] commonLines(SplittableRandom r, int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int deviation = r.nextInt(24);
            sb.append(deviation == 0 ? DEVIATIONS[r.nextInt(DEVIATIONS.length)] : String.valueOf(r.nextInt(2)));
            if (deviation == 1) {
                sb.append(':').append(r.nextInt(1, 5));
            } else if (deviation == 2) {
                sb.append(" qid:").append(r.nextInt(9));
            }
            int pairs = r.nextInt(12);
            int odd = r.nextInt(Math.max(pairs, 1));
            long idx = r.nextInt(3);
            for (int k = 0; k < pairs; k++) {
                boolean here = k == odd;
                sb.append(here && deviation == 3 ? "\t" : here && deviation == 4 ? "  " : " ");
                long written = here && deviation == 5 ? Math.max(idx - 2, 0) : here && deviation == 6 ? 3_000_000_000L
                        : here && deviation == 7 ? idx + 2_147_483_647L : idx;
                sb.append(here && deviation == 8 ? "+" : "").append(written).append(':');
                sb.append(here && deviation == 9 ? DEVIATIONS[r.nextInt(DEVIATIONS.length)]
                        : String.format("%.7g", r.nextGaussian() * Math.pow(10, r.nextInt(-3, 4))));
                idx += here && deviation == 10 ? 0 : r.nextInt(1, 9);
            }
            sb.append(deviation == 11 ? " " : deviation == 12 ? " # note" : "");
            if (i < lines - 1 || deviation != 13) {
                sb.append(deviation == 14 ? "\r\n" : "\n");
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static final byte[][] NASTY = {":".getBytes(), "#".getBytes(), ",".getBytes(), "\r".getBytes(),
        "\n".getBytes(), " ".getBytes(), "\t".getBytes(), {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "nan".getBytes(),
        "-".getBytes(), "+".getBytes(), "e".getBytes(), "qid:".getBytes(), "99999999999".getBytes(), "1e999".getBytes(),
        ".".getBytes(), {0}, {(byte) 0xff}, "inf".getBytes(), "0:".getBytes()};

    /** Valid text with a few random edits: bytes flipped, inserted, deleted, tricky tokens spliced in. */
    static byte[] damaged(SplittableRandom r, byte[] valid) {
        byte[] b = valid;
        for (int edits = r.nextInt(1, 5); edits > 0; edits--) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            byte[] insert = r.nextInt(3) == 0 ? new byte[] {(byte) r.nextInt(256)} : NASTY[r.nextInt(NASTY.length)];
            int delete = r.nextInt(3) == 0 ? Math.min(r.nextInt(4), b.length - at) : 0;
            byte[] n = new byte[b.length - delete + insert.length];
            System.arraycopy(b, 0, n, 0, at);
            System.arraycopy(insert, 0, n, at, insert.length);
            System.arraycopy(b, at + delete, n, at + insert.length, b.length - at - delete);
            b = n;
        }
        return b;
    }

    static byte[] randomBytes(SplittableRandom r, int max) {
        byte[] b = new byte[r.nextInt(max)];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : (byte) "0123456789: \n#.-e,\tq"
                    .charAt(r.nextInt(20));
        }
        return b;
    }
}

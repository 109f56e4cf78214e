package io.mlformats.jsonlines;

import io.mlformats.blazingtext.BlazingTextLine;
import io.mlformats.deepar.DeepArSeries;
import io.mlformats.manifest.ManifestRecord;
import io.mlformats.object2vec.Object2VecPair;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded generators of valid records of every type of this module. */
public final class Generators {
    private Generators() {
    }

    public static float anyFloat(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> Float.intBitsToFloat(r.nextInt()); // any bits: NaN payloads / infinities fixed below
            case 1 -> (float) (r.nextInt(2_000_000) - 1_000_000) / 10_000f;
            case 2 -> r.nextInt(1000);
            case 3 -> -0.0f;
            case 4 -> Float.MIN_VALUE * r.nextInt(1, 100);
            case 5 -> Float.MAX_VALUE / r.nextInt(1, 100);
            default -> (float) r.nextGaussian() * 1000;
        };
    }

    public static float finite(SplittableRandom r) {
        float f = anyFloat(r);
        return Float.isFinite(f) ? f : r.nextInt(100);
    }

    public static String unicode(SplittableRandom r, int maxLen) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(maxLen + 1);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(6)) {
                case 0 -> sb.append((char) r.nextInt(0x20, 0x7F));
                case 1 -> sb.append((char) r.nextInt(0, 0x20)); // control characters: escaped
                case 2 -> sb.append("\"\\/");
                case 3 -> sb.append((char) r.nextInt(0xA0, 0xD7FF));
                case 4 -> sb.appendCodePoint(r.nextInt(0x10000, 0x10FFFF));
                default -> sb.append("Straße-東京-😀");
            }
        }
        return sb.toString();
    }

    public static DeepArSeries series(SplittableRandom r, boolean withExtras) {
        LocalDateTime start = LocalDateTime.of(r.nextInt(0, 10000), r.nextInt(1, 13), r.nextInt(1, 29),
                r.nextInt(24), r.nextInt(60), r.nextInt(60));
        int n = 1 + r.nextInt(r.nextBoolean() ? 5 : 200);
        float[] target = new float[n];
        for (int i = 0; i < n; i++) {
            target[i] = r.nextInt(10) == 0 ? Float.NaN : finite(r);
        }
        int[] cat = null;
        if (r.nextBoolean()) {
            cat = new int[r.nextInt(4)];
            for (int i = 0; i < cat.length; i++) {
                cat[i] = r.nextInt(4) == 0 ? r.nextInt(Integer.MAX_VALUE) : r.nextInt(20);
            }
        }
        float[][] dyn = null;
        if (r.nextBoolean()) {
            dyn = new float[r.nextInt(4)][n];
            for (float[] row : dyn) {
                for (int i = 0; i < n; i++) {
                    row[i] = finite(r);
                }
            }
        }
        Map<String, String> extras = new LinkedHashMap<>();
        if (withExtras && r.nextBoolean()) {
            extras.put("item_id", ManifestRecordAccess.quote(unicode(r, 10)));
            if (r.nextBoolean()) {
                extras.put("nested", "{\"a\": [1, 2.5, null, true], \"b\": {}}");
            }
        }
        return new DeepArSeries(start, target, cat, dyn, extras);
    }

    public static Object2VecPair pair(SplittableRandom r) {
        Number label = switch (r.nextInt(3)) {
            case 0 -> null;
            case 1 -> (long) r.nextInt(30);
            default -> {
                double d = r.nextBoolean() ? r.nextGaussian() * 5 : r.nextInt(5);
                yield d;
            }
        };
        return new Object2VecPair(label, ids(r), ids(r));
    }

    private static int[] ids(SplittableRandom r) {
        int[] v = new int[1 + r.nextInt(20)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(4) == 0 ? r.nextInt(Integer.MAX_VALUE) : r.nextInt(100);
        }
        return v;
    }

    /** A supervised line: labels and words without fastText white space; words never start with the prefix. */
    public static BlazingTextLine textLine(SplittableRandom r, String prefix) {
        List<String> labels = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int nl = prefix == null ? 0 : r.nextInt(4);
        for (int i = 0; i < nl; i++) {
            labels.add(prefix + token(r, true));
        }
        int nw = r.nextInt(12);
        for (int i = 0; i < nw; i++) {
            String w = token(r, false);
            if (prefix != null && w.startsWith(prefix)) {
                w = "x" + w;
            }
            words.add(w);
        }
        return new BlazingTextLine(labels, words);
    }

    private static String token(SplittableRandom r, boolean mayBeEmpty) {
        String u = unicode(r, 6);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (!io.mlformats.blazingtext.FastTextTokenizer.isSpace(c)) {
                sb.append(c);
            }
        }
        if (sb.length() == 0 && !mayBeEmpty) {
            sb.append("w").append(r.nextInt(100));
        }
        return sb.toString();
    }

    public static ManifestRecord manifest(SplittableRandom r) {
        ManifestRecord.Builder b = ManifestRecord.builder();
        b.string("source", unicode(r, 30));
        if (r.nextBoolean()) {
            b.number("label", r.nextInt(10));
        } else {
            b.numbers("label", r.nextInt(10), r.nextInt(10));
        }
        if (r.nextBoolean()) {
            b.raw("label-metadata", "{\"class-name\": " + ManifestRecordAccess.quote(unicode(r, 5))
                    + ", \"confidence\": 0.80, \"human-annotated\": \"yes\"}");
        }
        if (r.nextBoolean()) {
            b.string("source-ref", "s3://bucket/" + r.nextInt(1000));
        }
        return b.build();
    }

    /** Access to the JSON string quoting the writers use. */
    public static final class ManifestRecordAccess {
        private ManifestRecordAccess() {
        }

        public static String quote(String s) {
            return ManifestRecord.builder().string("x", s).build().raw("x");
        }
    }

    /**
     * One random mutation of a line (a byte replaced by any byte or a JSON punctuation, truncated, a byte
     * inserted), with newlines turned into spaces so it stays one line.
     */
    public static byte[] mutate(SplittableRandom r, byte[] b) {
        byte[] m = b.clone();
        switch (r.nextInt(4)) {
            case 0 -> m[r.nextInt(m.length)] = (byte) r.nextInt(256);
            case 1 -> m[r.nextInt(m.length)] = (byte) "{}[],:\"-+.eE0 9nNaul\\".charAt(r.nextInt(21));
            case 2 -> m = java.util.Arrays.copyOf(m, r.nextInt(m.length));
            default -> {
                int at = r.nextInt(m.length);
                byte[] ins = new byte[m.length + 1];
                System.arraycopy(m, 0, ins, 0, at);
                ins[at] = (byte) "{}[],:\"-+.eE0 9\u00e9".charAt(r.nextInt(16));
                System.arraycopy(m, at, ins, at + 1, m.length - at);
                m = ins;
            }
        }
        for (int i = 0; i < m.length; i++) {
            if (m[i] == '\n') {
                m[i] = ' ';
            }
        }
        return m;
    }
}

package io.mlformats.recordio.image;

import io.mlformats.core.AtomicFileSink;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.core.SourcePosition;
import io.mlformats.recordio.internal.PythonFloatText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * MXNet im2rec image lists ({@code .lst}): {@code index<TAB>label_1[<TAB>label_2...]<TAB>relative/path\n}.
 *
 * <p>Reading follows {@code im2rec.read_list}: fields split on tabs and stripped, the first is the integer index,
 * the last the path, those between float labels. A line with fewer than 3 fields or a field that does not parse
 * is a {@link FormatException} in strict mode; lenient mode skips it, as im2rec does (which only prints a
 * message). Writing follows {@code im2rec.write_list}: labels in Python's float repr ({@code 1.0},
 * {@code 0.25}). Stateless; thread-safe.
 */
public final class LstFile {
    private LstFile() {
    }

    /**
     * One line of a list.
     *
     * @param index  the image index (becomes the record key and id)
     * @param labels one or more labels (Python floats)
     * @param path   image path relative to the image root
     */
    public record Entry(long index, double[] labels, String path) {
        /**
         * Validates and copies the labels.
         *
         * @param index  the image index (becomes the record key and id)
         * @param labels one or more labels (Python floats); copied
         * @param path   image path relative to the image root
         * @throws NullPointerException if {@code labels} or {@code path} is {@code null}
         */
        public Entry {
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(path, "path");
            labels = labels.clone();
        }

        /**
         * A copy of the labels.
         *
         * @return a new array owned by the caller
         */
        @Override
        public double[] labels() {
            return labels.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.index == index && Arrays.equals(e.labels, labels) && e.path.equals(path);
        }

        @Override
        public int hashCode() {
            return Objects.hash(index, Arrays.hashCode(labels), path);
        }

        @Override
        public String toString() {
            return index + " " + Arrays.toString(labels) + " " + path;
        }
    }

    /**
     * Reads a list in strict mode.
     *
     * @param file path of the {@code .lst} file (UTF-8 text)
     * @return the entries in file order, in a new mutable list
     * @throws FormatException at the first line that does not parse
     * @throws IOException if the file cannot be read
     */
    public static List<Entry> read(Path file) throws IOException {
        return read(file, ReadMode.STRICT);
    }

    /**
     * Reads a list; see the class comment for what each mode does with bad lines.
     *
     * @param file path of the {@code .lst} file (UTF-8 text)
     * @param mode {@link ReadMode#STRICT} to fail on a bad line, otherwise bad lines are skipped
     * @return the entries that parsed, in file order, in a new mutable list
     * @throws FormatException in strict mode, at the first line that does not parse
     * @throws io.mlformats.core.LimitExceededException if a line or the number of lines exceeds the default
     *     {@link ReadLimits}
     * @throws IOException if the file cannot be read
     */
    public static List<Entry> read(Path file, ReadMode mode) throws IOException {
        return read(file, mode, ReadLimits.defaults());
    }

    /**
     * Reads a list as {@link #read(Path, ReadMode)} does, under {@code limits}: each line at most
     * {@link ReadLimits#maxLineBytes()}, at most {@link ReadLimits#maxArrayElements()} lines.
     *
     * @param file path of the {@code .lst} file (UTF-8 text)
     * @param mode {@link ReadMode#STRICT} to fail on a bad line, otherwise bad lines are skipped
     * @param limits bounds on line length and line count (a limit is an error in both modes)
     * @return the entries that parsed, in file order, in a new mutable list
     * @throws FormatException in strict mode, at the first line that does not parse
     * @throws io.mlformats.core.LimitExceededException if a line or the number of lines exceeds {@code limits}
     * @throws IOException if the file cannot be read
     */
    public static List<Entry> read(Path file, ReadMode mode, ReadLimits limits) throws IOException {
        List<Entry> out = new ArrayList<>();
        IndexLines.read(file, limits, "lst", (line, at) -> {
            String[] f = line.strip().split("\t", -1);
            try {
                if (f.length < 3) {
                    throw new FormatException(at, "expected 'index<TAB>label...<TAB>path' (at least 3 fields), found "
                            + f.length);
                }
                long index;
                try {
                    index = Long.parseLong(f[0].strip());
                } catch (NumberFormatException e) {
                    throw new FormatException(at, "index '" + f[0] + "' is not an integer");
                }
                double[] labels = new double[f.length - 2];
                for (int i = 1; i < f.length - 1; i++) {
                    labels[i - 1] = parseLabel(f[i].strip(), at);
                }
                out.add(new Entry(index, labels, f[f.length - 1].strip()));
            } catch (FormatException e) {
                if (mode == ReadMode.STRICT) {
                    throw e;
                }
            }
        });
        return out;
    }

    private static double parseLabel(String s, SourcePosition at) throws FormatException {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan":
            case "+nan":
            case "-nan":
                return Double.NaN;
            case "inf":
            case "+inf":
            case "infinity":
            case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        // Python's float() grammar for finite values: digits, '.', exponent; no hex, no 'd'/'f' suffixes.
        boolean ok = !s.isEmpty();
        for (int i = 0; i < s.length() && ok; i++) {
            char c = s.charAt(i);
            ok = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
        }
        if (ok) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new FormatException(at, "label '" + s + "' is not a number");
    }

    /**
     * Writes a list atomically, as {@code im2rec.write_list} does.
     *
     * @param file    path of the {@code .lst} file to create or replace
     * @param entries entries to write, one line each, in list order
     * @throws IOException if the file cannot be written or published (a file already there is then untouched)
     */
    public static void write(Path file, List<Entry> entries) throws IOException {
        try (AtomicFileSink sink = AtomicFileSink.open(file)) {
            Writer w = new BufferedWriter(new OutputStreamWriter(sink.stream(), StandardCharsets.UTF_8));
            for (Entry e : entries) {
                w.write(Long.toString(e.index()));
                w.write('\t');
                for (double l : e.labels) {
                    w.write(PythonFloatText.repr(l));
                    w.write('\t');
                }
                w.write(e.path());
                w.write('\n');
            }
            w.flush();
            sink.commit();
        }
    }
}

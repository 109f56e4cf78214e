package io.mlformats.recordio.image;

import io.mlformats.core.AtomicFileSink;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.SourcePosition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An MXNet {@code .idx} file: one line {@code key<TAB>offset\n} per record, {@code offset} being the byte
 * offset of the record's first RecordIO header in the {@code .rec} file (as {@code MXIndexedRecordIO} writes
 * it). Keys are integers (dmlc-core's {@code IndexedRecordIOSplitter} requires non-negative ones). Entries keep
 * file order. Immutable and thread-safe once built.
 */
public final class IdxIndex {
    private final long[] keys;
    private final long[] offsets;
    private Map<Long, Long> byKey;

    /**
     * An index of {@code keys[i] -> offsets[i]} (arrays copied).
     *
     * @param keys    record keys in file order; copied
     * @param offsets byte offsets in the {@code .rec} file of the records' first headers, parallel to {@code keys};
     *                copied
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public IdxIndex(long[] keys, long[] offsets) {
        if (keys.length != offsets.length) {
            throw new IllegalArgumentException(keys.length + " keys, " + offsets.length + " offsets");
        }
        this.keys = keys.clone();
        this.offsets = offsets.clone();
    }

    /**
     * Parses an {@code .idx} file. Each line is {@code key} and {@code offset} separated by a tab, surrounding
     * whitespace ignored (Python's {@code strip().split('\t')}); anything else is a {@link FormatException}
     * naming the line.
     *
     * @param file path of the {@code .idx} file (UTF-8 text)
     * @return the index, entries in file order
     * @throws FormatException if a line is not two integer fields or an offset is negative
     * @throws io.mlformats.core.LimitExceededException if a line or the number of lines exceeds the default
     *     {@link ReadLimits}
     * @throws IOException if the file cannot be read
     */
    public static IdxIndex read(Path file) throws IOException {
        return read(file, ReadLimits.defaults());
    }

    /**
     * Parses an {@code .idx} file as {@link #read(Path)} does, under {@code limits}: each line at most
     * {@link ReadLimits#maxLineBytes()}, at most {@link ReadLimits#maxArrayElements()} lines.
     *
     * @param file path of the {@code .idx} file (UTF-8 text)
     * @param limits bounds on line length and line count
     * @return the index, entries in file order
     * @throws FormatException if a line is not two integer fields or an offset is negative
     * @throws io.mlformats.core.LimitExceededException if a line or the number of lines exceeds {@code limits}
     * @throws IOException if the file cannot be read
     */
    public static IdxIndex read(Path file, ReadLimits limits) throws IOException {
        long[][] ko = {new long[64], new long[64]};
        int[] n = {0};
        IndexLines.read(file, limits, "idx", (line, at) -> {
            String[] f = line.strip().split("\t", -1);
            if (f.length != 2) {
                throw new FormatException(at, "expected 'key<TAB>offset', found " + f.length + " field(s): '"
                        + line + "'");
            }
            if (n[0] == ko[0].length) {
                ko[0] = Arrays.copyOf(ko[0], n[0] * 2);
                ko[1] = Arrays.copyOf(ko[1], n[0] * 2);
            }
            long key = parse(f[0], at, "key");
            long offset = parse(f[1], at, "offset");
            if (offset < 0) {
                throw new FormatException(at, "negative offset " + offset);
            }
            ko[0][n[0]] = key;
            ko[1][n[0]++] = offset;
        });
        return new IdxIndex(Arrays.copyOf(ko[0], n[0]), Arrays.copyOf(ko[1], n[0]));
    }

    private static long parse(String s, SourcePosition at, String what) throws FormatException {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new FormatException(at, what + " '" + s + "' is not an integer");
        }
    }

    /**
     * Writes the index atomically, one {@code key\toffset\n} line per entry.
     *
     * @param file path of the {@code .idx} file to create or replace
     * @throws IOException if the file cannot be written or published (a file already there is then untouched)
     */
    public void write(Path file) throws IOException {
        try (AtomicFileSink sink = AtomicFileSink.open(file)) {
            writeLines(sink.stream(), keys, offsets, keys.length);
            sink.commit();
        }
    }

    /** Writes {@code n} lines {@code key\toffset\n} to {@code out} and flushes it (does not close it). */
    static void writeLines(OutputStream out, long[] keys, long[] offsets, int n) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII));
        for (int i = 0; i < n; i++) {
            w.write(Long.toString(keys[i]));
            w.write('\t');
            w.write(Long.toString(offsets[i]));
            w.write('\n');
        }
        w.flush();
    }

    /**
     * Number of entries.
     *
     * @return the number of lines of the index
     */
    public int size() {
        return keys.length;
    }

    /**
     * Key of entry {@code i} (file order).
     *
     * @param i entry index, {@code 0 <= i < size()}
     * @return the record key of the entry
     * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
     */
    public long key(int i) {
        return keys[i];
    }

    /**
     * Offset of entry {@code i}.
     *
     * @param i entry index, {@code 0 <= i < size()}
     * @return the byte offset in the {@code .rec} file of the entry's record's first header
     * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
     */
    public long offset(int i) {
        return offsets[i];
    }

    /**
     * The offset recorded for {@code key} (the last one if it repeats), or -1.
     *
     * @param key a record key
     * @return the byte offset in the {@code .rec} file of the record's first header, or -1 if {@code key} is absent
     */
    public synchronized long offsetOf(long key) {
        if (byKey == null) {
            byKey = new HashMap<>(keys.length * 2);
            for (int i = 0; i < keys.length; i++) {
                byKey.put(keys[i], offsets[i]);
            }
        }
        Long o = byKey.get(key);
        return o == null ? -1 : o;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxIndex x && Arrays.equals(keys, x.keys) && Arrays.equals(offsets, x.offsets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keys) * 31 + Arrays.hashCode(offsets);
    }

    @Override
    public String toString() {
        return "IdxIndex[" + keys.length + " entries]";
    }
}

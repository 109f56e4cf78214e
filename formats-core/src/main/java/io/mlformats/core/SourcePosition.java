package io.mlformats.core;

/**
 * Where something was found in an input: the source's name, the absolute byte offset, the 0-based record
 * index and the 1-based line number.
 *
 * <p>{@code recordIndex} and {@code line} are {@code -1} when unknown or not applicable (binary formats have
 * no lines). Immutable and thread-safe.
 *
 * @param source     file name, or {@code "<stream>"} / {@code "<bytes>"} for anonymous inputs
 * @param byteOffset absolute offset of the first byte concerned, counted in the (decompressed) input
 * @param recordIndex 0-based index of the record, or -1
 * @param line       1-based line number, or -1
 * @serial exclude (serialized only as part of a {@link FormatException}; the record components are the form)
 */
public record SourcePosition(String source, long byteOffset, long recordIndex, long line)
        implements java.io.Serializable {

    /** Value used for {@code recordIndex} and {@code line} when unknown. */
    public static final long UNKNOWN = -1;

    /**
     * Replaces a null source name by {@code "<unknown>"}.
     *
     * @param source file name, or {@code "<stream>"} / {@code "<bytes>"} for anonymous inputs; null becomes
     *     {@code "<unknown>"}
     * @param byteOffset absolute offset of the first byte concerned, counted in the (decompressed) input
     * @param recordIndex 0-based index of the record, or -1
     * @param line 1-based line number, or -1
     */
    public SourcePosition {
        if (source == null) {
            source = "<unknown>";
        }
    }

    /**
     * A position in a text input.
     *
     * @param source the input's name, as for {@link #source()}
     * @param byteOffset absolute offset of the byte concerned in the (decompressed) input
     * @param recordIndex 0-based index of the record, or {@link #UNKNOWN}
     * @param line 1-based line number, or {@link #UNKNOWN}
     * @return a new position with those values
     */
    public static SourcePosition ofLine(String source, long byteOffset, long recordIndex, long line) {
        return new SourcePosition(source, byteOffset, recordIndex, line);
    }

    /**
     * A position in a binary input (no lines).
     *
     * @param source the input's name, as for {@link #source()}
     * @param byteOffset absolute offset of the byte concerned in the (decompressed) input
     * @param recordIndex 0-based index of the record, or {@link #UNKNOWN}
     * @return a new position whose {@link #line()} is {@link #UNKNOWN}
     */
    public static SourcePosition ofRecord(String source, long byteOffset, long recordIndex) {
        return new SourcePosition(source, byteOffset, recordIndex, UNKNOWN);
    }

    /**
     * The same position moved to another byte offset (same record and line).
     *
     * @param offset the new absolute byte offset in the (decompressed) input
     * @return a new position with {@code offset} and this position's source, record index and line
     */
    public SourcePosition withByteOffset(long offset) {
        return new SourcePosition(source, offset, recordIndex, line);
    }

    /**
     * The same position seen from a larger input: {@code lines} and {@code records} that came before the part this
     * position was measured in are added (unknown values stay unknown). Parallel readers use it to report
     * positions of the whole file.
     *
     * @param lines the number of lines in the input before the part this position was measured in
     * @param records the number of records in the input before that part
     * @return a new position with the line and record index shifted; the source and byte offset are unchanged
     */
    public SourcePosition shifted(long lines, long records) {
        return new SourcePosition(source, byteOffset, recordIndex >= 0 ? recordIndex + records : recordIndex,
                line >= 0 ? line + lines : line);
    }

    /**
     * {@code file:line:offset} for text inputs and {@code file:offset} for binary ones, the form the CLI prints
     * and editors can jump to; just the source when the offset is unknown (negative: rows of a Spark DataFrame,
     * whose source names the partition and whose record index is the row's index in it).
     */
    @Override
    public String toString() {
        if (byteOffset < 0) {
            return line >= 0 ? source + ":" + line : source;
        }
        return line >= 0 ? source + ":" + line + ":" + byteOffset : source + ":" + byteOffset;
    }
}

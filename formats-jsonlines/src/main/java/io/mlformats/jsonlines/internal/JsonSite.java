package io.mlformats.jsonlines.internal;

import io.mlformats.core.SourcePosition;
import tools.jackson.core.TokenStreamLocation;

/**
 * Turns offsets relative to the bytes handed to a JSON parser into absolute {@link SourcePosition}s: for a JSON
 * Lines record the base is the line's offset and the line number is the file's; for a whole JSON document the
 * line comes from the parser's location. Holds only primitives, so positions are built only when an error is
 * reported.
 *
 * <p>The site a {@link JsonLineCursor} hands out is one instance moved from line to line ({@link #moveTo}), so
 * reading a record allocates none: use it while decoding that line, never keep it. Sites made with
 * {@link #document} or {@link #withRecord} are not moved. Not thread-safe.
 */
public final class JsonSite {
    private final String source;
    private long baseOffset;
    private long line;
    private long recordIndex;

    /**
     * @param source      file name for messages
     * @param baseOffset  absolute offset of the first byte handed to the parser
     * @param line        1-based line of the record, or -1 to take the line from the parser's location
     * @param recordIndex 0-based record (or instance) index, or -1
     */
    public JsonSite(String source, long baseOffset, long line, long recordIndex) {
        this.source = source;
        this.baseOffset = baseOffset;
        this.line = line;
        this.recordIndex = recordIndex;
    }

    public static JsonSite line(String source, long lineOffset, long line, long recordIndex) {
        return new JsonSite(source, lineOffset, line, recordIndex);
    }

    public static JsonSite document(String source) {
        return new JsonSite(source, 0, -1, -1);
    }

    /** Moves this site to another line (the cursor's reused site). */
    void moveTo(long lineOffset, long lineNumber, long record) {
        this.baseOffset = lineOffset;
        this.line = lineNumber;
        this.recordIndex = record;
    }

    public String source() {
        return source;
    }

    public long baseOffset() {
        return baseOffset;
    }

    public long line() {
        return line;
    }

    public long recordIndex() {
        return recordIndex;
    }

    /** A new site like this one for another record (instance) index. */
    public JsonSite withRecord(long index) {
        return new JsonSite(source, baseOffset, line, index);
    }

    /** Position of a byte at {@code relative} offset. */
    public SourcePosition at(long relative) {
        return SourcePosition.ofLine(source, baseOffset + Math.max(0, relative), recordIndex, line);
    }

    /** Position of a parser location. */
    public SourcePosition at(TokenStreamLocation loc) {
        if (loc == null || loc == TokenStreamLocation.NA) {
            return at(0);
        }
        long l = line >= 0 ? line : Math.max(1, loc.getLineNr());
        return SourcePosition.ofLine(source, baseOffset + Math.max(0, loc.getByteOffset()), recordIndex, l);
    }

    @Override
    public String toString() {
        return source + ":" + line + ":" + baseOffset + " record " + recordIndex;
    }
}

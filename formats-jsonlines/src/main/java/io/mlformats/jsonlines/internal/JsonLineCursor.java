package io.mlformats.jsonlines.internal;

import io.mlformats.core.ByteInput;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.text.LineScanner;
import java.io.IOException;

/**
 * The JSON Lines framing shared by every reader of this module: one record per line, a BOM skipped with a
 * warning (both modes), blank or whitespace-only lines rejected in strict mode and skipped with a warning in
 * lenient mode (DECISIONS.md). Hands out each record line as a slice of {@link #buffer()} and counts records.
 *
 * <p>Not thread-safe; the slice is valid until the next call to {@link #nextLine()}.
 */
public final class JsonLineCursor {
    /** Warning kind counted when a BOM was skipped. */
    public static final String WARN_BOM = "bom-skipped";
    /** Warning kind counted when a blank line was skipped (lenient mode). */
    public static final String WARN_BLANK = "blank-line-skipped";

    private final LineScanner scanner;
    private final ReadOptions options;
    private final ReadCounter stats;
    private long recordIndex = -1;
    private boolean bomChecked;
    private final JsonSite site;

    public JsonLineCursor(ByteInput input, ReadOptions options, ReadCounter stats) {
        this.scanner = new LineScanner(input, options.limits());
        this.options = options;
        this.stats = stats;
        this.site = JsonSite.line(scanner.name(), 0, 0, -1);
    }

    /**
     * Advances to the next line that holds a record. A blank line in strict mode is still counted as a record
     * slot (so skip-and-collect can carry on past it) and reported by throwing.
     *
     * @return false at the end of the input
     * @throws FormatException for a blank line in strict mode (the cursor has moved past it)
     */
    public boolean nextLine() throws IOException {
        while (true) {
            if (!scanner.next()) {
                stats.setBytes(scanner.consumed());
                return false;
            }
            if (!bomChecked) {
                bomChecked = true;
                if (scanner.bomSkipped()) {
                    stats.addWarning(WARN_BOM);
                }
            }
            stats.setBytes(scanner.consumed());
            if (isBlank(scanner.buffer(), scanner.start(), scanner.end())) {
                if (options.lenient()) {
                    stats.addWarning(WARN_BLANK);
                    continue;
                }
                recordIndex++;
                throw new FormatException(scanner.position(recordIndex),
                        "BLANK_LINE: found a blank line, expected one JSON object per line (JSON Lines has no empty"
                                + " records; read in lenient mode to skip blank lines)");
            }
            recordIndex++;
            return true;
        }
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    public byte[] buffer() {
        return scanner.buffer();
    }

    public int start() {
        return scanner.start();
    }

    public int end() {
        return scanner.end();
    }

    public long lineNumber() {
        return scanner.lineNumber();
    }

    /** Absolute offset of the current line's first byte. */
    public long lineOffset() {
        return scanner.lineOffset();
    }

    /** 0-based index of the current record (blank lines skipped in lenient mode are not records). */
    public long recordIndex() {
        return recordIndex;
    }

    public String name() {
        return scanner.name();
    }

    /** Position of byte {@code index} of {@link #buffer()} on the current line. */
    public SourcePosition positionAt(int index) {
        return scanner.positionAt(index, recordIndex);
    }

    /** Position of the start of the current line. */
    public SourcePosition position() {
        return scanner.position(recordIndex);
    }

    /**
     * The site for errors inside the current line (byte offsets relative to {@link #start()}): one instance moved
     * to each line, so valid lines allocate nothing; valid until the next {@link #nextLine()}.
     */
    public JsonSite site() {
        site.moveTo(scanner.lineOffset(), scanner.lineNumber(), recordIndex);
        return site;
    }

    public void close() throws IOException {
        scanner.close();
    }
}

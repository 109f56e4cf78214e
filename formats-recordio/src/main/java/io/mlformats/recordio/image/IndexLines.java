package io.mlformats.recordio.image;

import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.text.LineScanner;
import io.mlformats.core.text.Utf8;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The lines of an {@code .idx} or {@code .lst} file under {@link ReadLimits}: each line at most
 * {@link ReadLimits#maxLineBytes()}, at most {@link ReadLimits#maxArrayElements()} lines (these files are read
 * whole into memory). Shared by {@link IdxIndex} and {@link LstFile}.
 */
final class IndexLines {
    /** Receives one line (terminator excluded, valid UTF-8, decoded) and its position (line number, byte offset). */
    interface Handler {
        void line(String text, SourcePosition at) throws FormatException;
    }

    private IndexLines() {
    }

    static void read(Path file, ReadLimits limits, String kind, Handler handler) throws IOException {
        int max = limits.maxArrayElements();
        try (LineScanner s = new LineScanner(ByteSources.open(file, limits), limits)) {
            long n = 0;
            while (s.next()) {
                SourcePosition at = s.position(n);
                if (++n > max) {
                    throw new LimitExceededException(at, "maxArrayElements", max,
                            "an " + kind + " file of more than " + max + " lines");
                }
                int bad = Utf8.firstInvalid(s.buffer(), s.start(), s.start() + s.length());
                if (bad >= 0) {
                    // A replaced byte would name a file that does not exist (or the wrong one): refuse, as
                    // Python's im2rec does when it reads the list as UTF-8 text.
                    throw new FormatException(at.withByteOffset(at.byteOffset() + bad - s.start()), String.format(
                            "invalid UTF-8 byte 0x%02x in the .%s line; expected UTF-8 text", s.buffer()[bad] & 0xFF,
                            kind));
                }
                handler.line(new String(s.buffer(), s.start(), s.length(), StandardCharsets.UTF_8), at);
            }
        }
    }
}

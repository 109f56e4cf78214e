package io.mlformats.cli;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Guesses a file's format from its content (never its name), looking through gzip:
 * <ol>
 *   <li>{@code PAR1} at offset 0: Parquet;</li>
 *   <li>RecordIO magic {@code 0xced7230a} (little-endian) at offset 0: RecordIO; an MXNet image record if the
 *       first payload is an image header followed by JPEG/PNG bytes, RecordIO-protobuf otherwise;</li>
 *   <li>first data line starting with {@code '{'}: JSON Lines, by keys: {@code start}+{@code target} DeepAR,
 *       {@code in0}+{@code in1} Object2Vec, anything else an augmented manifest;</li>
 *   <li>a {@code __label__} token: BlazingText; an {@code idx:val} or {@code qid:} token: LibSVM; commas: CSV.</li>
 * </ol>
 * Stateless.
 */
public final class FormatDetector {
    private static final int HEAD = 1 << 16;
    private static final int RECORDIO_MAGIC = 0xced7230a;

    /** A detected format and the evidence, for messages. */
    public record Detection(Format format, String reason) {
    }

    private FormatDetector() {
    }

    public static Detection detect(Path file) throws IOException, UserException {
        byte[] raw = new byte[4];
        int rawLen;
        try (InputStream in = Files.newInputStream(file)) {
            rawLen = in.readNBytes(raw, 0, 4);
        }
        if (rawLen == 4 && raw[0] == 'P' && raw[1] == 'A' && raw[2] == 'R' && raw[3] == '1') {
            return new Detection(Format.PARQUET, "PAR1 magic");
        }
        byte[] head;
        try (ByteInput in = ByteSources.open(file, ReadLimits.defaults())) {
            head = ByteSources.asInputStream(in).readNBytes(HEAD);
        }
        return detect(head, file.toString());
    }

    /** Detection over the first bytes of a (decompressed) input. */
    public static Detection detect(byte[] head, String name) throws UserException {
        if (head.length >= 8 && intLE(head, 0) == RECORDIO_MAGIC) {
            return recordIo(head);
        }
        int pos = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            pos = 3;
        }
        int examined = 0;
        boolean commas = false;
        while (pos < head.length && examined < 64) {
            int end = pos;
            while (end < head.length && head[end] != '\n') {
                end++;
            }
            if (end == head.length && end - pos > 0 && head.length == HEAD) {
                break; // partial last line in a full head: don't judge it
            }
            String line = new String(head, pos, end - pos, StandardCharsets.UTF_8).strip();
            pos = end + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            examined++;
            if (line.startsWith("{")) {
                return json(line);
            }
            for (String tok : line.split("[ \t\u000b\f\r]+")) {
                if (tok.startsWith("__label__")) {
                    return new Detection(Format.BLAZINGTEXT, "__label__ token");
                }
                if (tok.startsWith("qid:") || tok.matches("[0-9]+:.*")) {
                    return new Detection(Format.LIBSVM, "idx:val token '" + tok + "'");
                }
            }
            commas |= line.indexOf(',') >= 0;
        }
        if (commas) {
            return new Detection(Format.CSV, "comma-separated values");
        }
        if (examined == 0) {
            throw UserException.usage(name + ": empty input; cannot detect its format (give --from FORMAT)");
        }
        throw UserException.usage(name + ": cannot detect the format from content (no idx:val, __label__, commas, "
                + "JSON or binary magic); give --from FORMAT (" + Format.names() + ")");
    }

    private static Detection json(String line) {
        boolean start = line.contains("\"start\"");
        boolean target = line.contains("\"target\"");
        if (start && target) {
            return new Detection(Format.DEEPAR, "JSON with start and target keys");
        }
        if (line.contains("\"in0\"") && line.contains("\"in1\"")) {
            return new Detection(Format.OBJECT2VEC, "JSON with in0 and in1 keys");
        }
        if (line.contains("\"source\"") || line.contains("\"source-ref\"")) {
            return new Detection(Format.MANIFEST, "JSON with a source key");
        }
        return new Detection(Format.MANIFEST, "JSON Lines (generic)");
    }

    private static Detection recordIo(byte[] head) {
        int len = intLE(head, 4) & ((1 << 29) - 1);
        int p = 8;
        if (head.length >= p + 24 && len >= 24) {
            long flag = intLE(head, p) & 0xffffffffL;
            long img = p + 24 + 4 * flag;
            if (flag < 4096 && img + 4 <= head.length && img + 4 <= p + len) {
                int i = (int) img;
                boolean jpeg = (head[i] & 0xff) == 0xff && (head[i + 1] & 0xff) == 0xd8;
                boolean png = (head[i] & 0xff) == 0x89 && head[i + 1] == 'P' && head[i + 2] == 'N' && head[i + 3] == 'G';
                if (jpeg || png) {
                    return new Detection(Format.IMAGE_RECORD, "RecordIO magic, image header + " + (jpeg ? "JPEG" : "PNG"));
                }
            }
        }
        return new Detection(Format.RECORDIO_PROTOBUF, "RecordIO magic");
    }

    private static int intLE(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }
}

package io.mlformats.cli.handler;

import io.mlformats.cli.Algorithm;
import io.mlformats.cli.Format;
import io.mlformats.cli.UserException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * THE table of format handlers: one per {@link Format}, in the order detection asks them (binary magics first,
 * then JSON Lines by keys, then text tokens, CSV last). Everything a command does with a format goes through
 * here. Immutable; thread-safe.
 */
public final class Handlers {
    private static final List<FormatHandler> TABLE = List.of(
            new ParquetHandler(),
            new ImageRecordHandler(),
            new RecordIoProtobufHandler(),
            new DeepArHandler(),
            new Object2VecHandler(),
            new ManifestHandler(),
            new BlazingTextHandler(),
            new LibSvmHandler(),
            new CsvHandler());
    private static final Map<Format, FormatHandler> BY_FORMAT = new EnumMap<>(Format.class);

    static {
        for (FormatHandler h : TABLE) {
            if (BY_FORMAT.put(h.format(), h) != null) {
                throw new ExceptionInInitializerError("two handlers for " + h.format());
            }
        }
        if (BY_FORMAT.size() != Format.values().length) {
            throw new ExceptionInInitializerError("a format has no handler: " + EnumSet.complementOf(
                    EnumSet.copyOf(BY_FORMAT.keySet())));
        }
    }

    /** A detected format and the evidence, for messages. */
    public record Detection(Format format, String reason) {
    }

    /** A conversion between two formats: through feature rows, or a document conversion. */
    public record Conversion(FormatHandler from, FormatHandler to, DocumentConversion document) {
        /** True for a conversion through feature rows. */
        public boolean rows() {
            return document == null;
        }
    }

    private Handlers() {
    }

    /** Every handler, in detection order. */
    public static List<FormatHandler> all() {
        return TABLE;
    }

    /** The handler of {@code f}. */
    public static FormatHandler of(Format f) {
        return BY_FORMAT.get(f);
    }

    /** The format of {@code file}, from its content (never its name). */
    public static Detection detect(Path file) throws IOException, UserException {
        return detect(Sniff.of(file), file.toString());
    }

    /** The format of an input whose (decompressed) head is {@code head}. */
    public static Detection detect(byte[] head, String name) throws UserException {
        return detect(Sniff.of(head), name);
    }

    private static Detection detect(Sniff head, String name) throws UserException {
        for (FormatHandler h : TABLE) {
            String reason = h.recognise(head);
            if (reason != null) {
                return new Detection(h.format(), reason);
            }
        }
        if (head.length() == 0) {
            throw UserException.usage(name + ": empty input; cannot detect its format (give --from FORMAT)");
        }
        if (!head.text()) {
            throw UserException.usage(name + ": cannot detect the format: no known binary magic, and not text "
                    + "(byte 0x" + String.format("%02x", head.byteAt((int) head.notTextOffset())) + " at offset "
                    + head.notTextOffset() + " is a control byte or invalid UTF-8); give --from FORMAT ("
                    + Format.names() + ")");
        }
        if (head.examined() == 0) {
            throw UserException.usage(name + ": cannot detect the format: the first " + head.length()
                    + " byte(s) hold only blank or # comment lines; give --from FORMAT (" + Format.names() + ")");
        }
        throw UserException.usage(name + ": cannot detect the format from content (no idx:val, __label__, commas, "
                + "JSON or binary magic); give --from FORMAT (" + Format.names() + ")");
    }

    /** The formats whose handlers validate for {@code a}, in {@link Format} order. */
    public static Set<Format> accepting(Algorithm a) {
        Set<Format> out = EnumSet.noneOf(Format.class);
        for (FormatHandler h : TABLE) {
            if (h.validatedFor().contains(a)) {
                out.add(h.format());
            }
        }
        return out;
    }

    /**
     * The conversion {@code from -> to}: through feature rows when both are tabular, else a document conversion
     * declared by either side's handler.
     *
     * @throws UserException if the tool offers no such conversion
     */
    public static Conversion conversion(Format from, Format to) throws UserException {
        FormatHandler f = of(from);
        FormatHandler t = of(to);
        if (f.tabular() && t.tabular()) {
            return new Conversion(f, t, null);
        }
        for (FormatHandler h : List.of(f, t)) {
            for (DocumentConversion d : h.documentConversions()) {
                if (d.from() == from && d.to() == to) {
                    return new Conversion(f, t, d);
                }
            }
        }
        throw UserException.usage("no conversion from " + from + " to " + to + "; supported: " + supported());
    }

    /** "between libsvm, csv, recordio-protobuf and parquet; deepar <-> parquet; blazingtext <-> manifest". */
    private static String supported() {
        List<String> rows = new ArrayList<>();
        for (Format f : Format.values()) {
            if (of(f).tabular()) {
                rows.add(f.cliName());
            }
        }
        StringBuilder sb = new StringBuilder("between ").append(String.join(", ", rows.subList(0, rows.size() - 1)))
                .append(" and ").append(rows.get(rows.size() - 1));
        List<String> pairs = new ArrayList<>();
        for (Format f : Format.values()) {
            for (DocumentConversion d : of(f).documentConversions()) {
                String pair = d.from() + " <-> " + d.to();
                String reverse = d.to() + " <-> " + d.from();
                if (!pairs.contains(pair) && !pairs.contains(reverse)) {
                    pairs.add(pair);
                }
            }
        }
        for (String p : pairs) {
            sb.append("; ").append(p);
        }
        return sb.toString();
    }
}

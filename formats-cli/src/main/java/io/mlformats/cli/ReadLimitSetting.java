package io.mlformats.cli;

import io.mlformats.core.ReadLimits;
import java.util.ArrayList;
import java.util.Locale;
import java.util.function.BiConsumer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --limit NAME=VALUE} of the command line: a {@link ReadLimits} builder setting. The names are the
 * builder's, so docs/LIMITS.md, the library's messages and the CLI speak of the same limits.
 *
 * @param limit the limit set
 * @param value its new value, positive
 */
record ReadLimitSetting(Limit limit, long value) {

    /** The limits the command line can set, named as {@link ReadLimits.Builder}'s methods. */
    enum Limit {
        MAX_LINE_BYTES("maxLineBytes", (b, v) -> b.maxLineBytes(toInt(v))),
        MAX_RECORD_BYTES("maxRecordBytes", (b, v) -> b.maxRecordBytes(toInt(v))),
        MAX_DECOMPRESSED_BYTES("maxDecompressedBytes", ReadLimits.Builder::maxDecompressedBytes),
        MAX_COMPRESSION_RATIO("maxCompressionRatio", (b, v) -> b.maxCompressionRatio(toInt(v))),
        MAX_NESTING_DEPTH("maxNestingDepth", (b, v) -> b.maxNestingDepth(toInt(v))),
        MAX_ARRAY_ELEMENTS("maxArrayElements", (b, v) -> b.maxArrayElements(toInt(v))),
        MAX_MAP_ENTRIES("maxMapEntries", (b, v) -> b.maxMapEntries(toInt(v)));

        final String cliName;
        final BiConsumer<ReadLimits.Builder, Long> setter;

        Limit(String cliName, BiConsumer<ReadLimits.Builder, Long> setter) {
            this.cliName = cliName;
            this.setter = setter;
        }

        private static int toInt(long v) {
            if (v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("at most " + Integer.MAX_VALUE + " (2 GiB - 1)");
            }
            return (int) v;
        }
    }

    /** Applies this setting to {@code b}; the builder's own checks have already passed in the converter. */
    void applyTo(ReadLimits.Builder b) {
        limit.setter.accept(b, value);
    }

    /** Parses {@code NAME=VALUE}; VALUE is a positive integer, optionally with K, M, G (or KiB, MiB, GiB: 1024s). */
    static final class Converter implements ITypeConverter<ReadLimitSetting> {
        @Override
        public ReadLimitSetting convert(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new TypeConversionException("expected NAME=VALUE, e.g. maxLineBytes=256MiB: '" + text + "'");
            }
            String name = text.substring(0, eq).trim();
            Limit limit = null;
            for (Limit l : Limit.values()) {
                if (l.cliName.equalsIgnoreCase(name)) {
                    limit = l;
                }
            }
            if (limit == null) {
                throw new TypeConversionException("unknown limit '" + name + "'; one of " + new Names());
            }
            long value = parseSize(text.substring(eq + 1).trim(), name);
            try {
                limit.setter.accept(ReadLimits.defaults().toBuilder(), value); // the builder's own check
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(name + ": " + e.getMessage());
            }
            return new ReadLimitSetting(limit, value);
        }

        private static long parseSize(String v, String name) {
            String s = v.toUpperCase(Locale.ROOT);
            long unit = 1;
            String[][] units = {{"KIB", "1024"}, {"MIB", "1048576"}, {"GIB", "1073741824"},
                {"K", "1024"}, {"M", "1048576"}, {"G", "1073741824"}};
            for (String[] u : units) {
                if (s.endsWith(u[0])) {
                    unit = Long.parseLong(u[1]);
                    s = s.substring(0, s.length() - u[0].length()).trim();
                    break;
                }
            }
            try {
                long n = Long.parseLong(s);
                if (n <= 0) {
                    throw new TypeConversionException(name + " must be > 0: " + v);
                }
                return Math.multiplyExact(n, unit);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException(name + ": expected a positive integer with an optional K/M/G "
                        + "suffix: '" + v + "'");
            }
        }
    }

    /** The limit names, for help and completion. */
    static final class Names extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Names() {
            for (Limit l : Limit.values()) {
                add(l.cliName);
            }
        }
    }
}

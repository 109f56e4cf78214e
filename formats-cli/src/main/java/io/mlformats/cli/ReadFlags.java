package io.mlformats.cli;

import io.mlformats.core.ReadLimits;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every reading subcommand has. */
public final class ReadFlags {
    @Option(names = "--from", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Input format (default: detected from content). One of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = FormatNames.class)
    Format from;

    @Option(names = "--lenient", description = "Accept what the reference tools accept (counted as warnings).")
    boolean lenient;

    @Option(names = "--skip-errors", description = "Skip bad records (reported on stderr) instead of stopping.")
    boolean skipErrors;

    @Option(names = "--multi-label", description = "LibSVM labels are comma-separated lists (scikit-learn's "
            + "multilabel form).")
    boolean multiLabel;

    @Option(names = "--skip-header", description = "CSV input: skip the first line of every file (a header; "
            + "SageMaker CSV has none).")
    boolean skipHeader;

    @Option(names = "--limit", paramLabel = "NAME=VALUE", converter = ReadLimitSetting.Converter.class,
            description = "Change a read limit (repeatable), e.g. --limit maxLineBytes=256MiB. Names: "
                    + "${COMPLETION-CANDIDATES}; sizes take K/M/G/KiB/MiB/GiB. Defaults: docs/LIMITS.md.",
            completionCandidates = ReadLimitSetting.Names.class)
    List<ReadLimitSetting> limitSettings = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary on stderr.")
    boolean quiet;

    /**
     * Reading options from these flags.
     *
     * @param collect skip and collect bad records whatever {@code --skip-errors} says ({@code inspect} and
     *                {@code validate} report every problem)
     */
    io.mlformats.cli.convert.ConvertOptions options(boolean collect) {
        return io.mlformats.cli.convert.ConvertOptions.reading(lenient, collect || skipErrors, multiLabel)
                .withSkipHeader(skipHeader).withLimits(limits());
    }

    /** The defaults with every {@code --limit} applied in order; a value the limit refuses is a usage error. */
    ReadLimits limits() {
        ReadLimits.Builder b = ReadLimits.defaults().toBuilder();
        for (ReadLimitSetting s : limitSettings) {
            s.applyTo(b);
        }
        return b.build();
    }

    /** Picocli converter for format names. */
    public static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Completion candidates / help list. */
    public static final class FormatNames extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        /** Every format's command-line name. */
        public FormatNames() {
            for (Format f : Format.values()) {
                add(f.cliName());
            }
        }
    }
}

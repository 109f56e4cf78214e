package io.mlformats.cli;

import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.Conversions;
import io.mlformats.cli.convert.IndexBase;
import io.mlformats.cli.convert.ParquetRowSource;
import io.mlformats.cli.convert.Row;
import io.mlformats.cli.convert.RowSource;
import io.mlformats.core.FormatException;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.vector.ValueType;
import io.mlformats.parquet.DeepArParquetReader;
import io.mlformats.parquet.DeepArParquetSeries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mlformats validate --for ALGORITHM}: does this channel suit that algorithm? */
@Command(name = "validate", sortOptions = false,
        description = {"Check INPUT... against what a SageMaker built-in algorithm accepts (content type, dtype, "
                + "labels, dimensions, DeepAR/Object2Vec dataset rules). Each problem prints as "
                + "file:line:offset: message; exit code 1 if any error was found."},
        footer = {"", "Example:", "  mlformats validate --for xgboost train.libsvm"})
final class ValidateCommand implements Callable<Integer> {
    private static final int MAX_PRINTED = 100;
    private static final Pattern START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}:\\d{2})?");

    @Spec
    CommandSpec spec;

    @Option(names = "--for", required = true, paramLabel = "ALGORITHM", converter = AlgorithmConverter.class,
            description = "xgboost, linear-learner, factorization-machines, knn, kmeans, pca, deepar, object2vec, "
                    + "blazingtext, image-classification.")
    Algorithm algorithm;

    @Mixin
    ReadFlags read;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files of the channel (a directory: its files).")
    List<Path> inputs;

    private long errors;
    private PrintWriter err;

    @Override
    public Integer call() throws Exception {
        err = spec.commandLine().getErr();
        ConvertOptions o = new ConvertOptions(IndexBase.ZERO, 0, null, null, null, null, false, 1, read.lenient, true);
        long records = 0;
        for (Path file : Inputs.expand(inputs)) {
            Format f = Inputs.format(file, read.from);
            if (!algorithm.accepts.contains(f)) {
                problem(SourcePosition.ofRecord(file.toString(), 0, -1), algorithm.cliName + " does not accept " + f
                        + " (accepts " + algorithm.accepts + ")");
                continue;
            }
            if (algorithm == Algorithm.DEEPAR && f == Format.PARQUET) {
                records += deepArParquet(file, o);
            } else if (Conversions.TABULAR.contains(f)) {
                records += rows(file, f, o);
            } else {
                throw UserException.notAvailable(f, "validating");
            }
        }
        if (errors > MAX_PRINTED) {
            err.println("... " + (errors - MAX_PRINTED) + " more problem(s) not shown");
        }
        if (!read.quiet) {
            err.println(errors == 0 ? "OK: " + records + " record(s) valid for " + algorithm.cliName
                    : errors + " problem(s) found for " + algorithm.cliName);
        }
        err.flush();
        return errors == 0 ? ExitCode.OK : ExitCode.INVALID_DATA;
    }

    private void problem(SourcePosition pos, String message) {
        errors++;
        if (errors <= MAX_PRINTED) {
            err.println(new FormatException(pos, message).getMessage());
        }
    }

    private void problem(FormatException e) {
        errors++;
        if (errors <= MAX_PRINTED) {
            err.println(e.getMessage());
        }
    }

    private long rows(Path file, Format f, ConvertOptions o) throws Exception {
        long width = -1;
        long n = 0;
        try (RowSource src = Conversions.openRows(f, file, o)) {
            SourcePosition head = SourcePosition.ofRecord(file.toString(), 0, -1);
            if (src instanceof ParquetRowSource p && algorithm == Algorithm.XGBOOST) {
                for (String c : p.ignoredColumns()) {
                    problem(head, "column '" + c + "' is not numeric; XGBoost reads every column after the first "
                            + "as a feature");
                }
                if (p.labelColumn() == null) {
                    problem(head, "no label column; XGBoost takes the first column as the label");
                }
            }
            if ((algorithm == Algorithm.LINEAR_LEARNER || algorithm == Algorithm.FACTORIZATION_MACHINES)
                    && f == Format.RECORDIO_PROTOBUF && src.valueType() != ValueType.FLOAT32) {
                problem(head, algorithm.cliName + " takes float32 tensors only; this file is float64");
            }
            while (src.next()) {
                Row r = src.current();
                n++;
                if (algorithm.needsLabel && r.labelCount() == 0) {
                    problem(src.position(), "record has no label; " + algorithm.cliName + " needs one");
                }
                for (int i = 0; i < r.labelCount(); i++) {
                    if (!Double.isFinite(r.label(i))) {
                        problem(src.position(), "label is " + r.label(i));
                    }
                }
                if (algorithm.fixedWidth) {
                    long w = r.width();
                    if (width < 0) {
                        width = w;
                    } else if (!r.isSparse() && w != width) {
                        problem(src.position(), "record has " + w + " features, the first had " + width
                                + " (feature_dim must be constant)");
                    }
                }
            }
            for (FormatException e : src.stats().errors()) {
                problem(e);
            }
            errors += Math.max(0, src.stats().skipped() - src.stats().errors().size());
        }
        return n;
    }

    private long deepArParquet(Path file, ConvertOptions o) throws Exception {
        long n = 0;
        int catCount = -1;
        int dynCount = -1;
        TreeSet<Long>[] catValues = null;
        try (DeepArParquetReader r = DeepArParquetReader.open(file, o.readOptions())) {
            while (r.next()) {
                DeepArParquetSeries s = r.current();
                n++;
                SourcePosition pos = r.position();
                if (!START.matcher(s.start()).matches()) {
                    problem(pos, "start '" + s.start() + "' is not YYYY-MM-DD HH:MM:SS");
                }
                if (s.target().length == 0) {
                    problem(pos, "target is empty");
                }
                for (double v : s.target()) {
                    if (Double.isInfinite(v)) {
                        problem(pos, "target holds " + v + "; only numbers and NaN (missing) are allowed");
                        break;
                    }
                }
                int c = s.cat() == null ? 0 : s.cat().length;
                if (catCount < 0) {
                    catCount = c;
                    @SuppressWarnings("unchecked")
                    TreeSet<Long>[] sets = new TreeSet[c];
                    catValues = sets;
                    for (int i = 0; i < c; i++) {
                        catValues[i] = new TreeSet<>();
                    }
                } else if (c != catCount) {
                    problem(pos, "series has " + c + " cat value(s), the first had " + catCount);
                }
                if (s.cat() != null && c == catCount) {
                    for (int i = 0; i < c; i++) {
                        if (s.cat()[i] < 0) {
                            problem(pos, "cat[" + i + "] is negative: " + s.cat()[i]);
                        } else {
                            catValues[i].add(s.cat()[i]);
                        }
                    }
                }
                int d = s.dynamicFeat() == null ? 0 : s.dynamicFeat().length;
                if (dynCount < 0) {
                    dynCount = d;
                } else if (d != dynCount) {
                    problem(pos, "series has " + d + " dynamic_feat row(s), the first had " + dynCount);
                }
                if (s.dynamicFeat() != null) {
                    for (double[] row : s.dynamicFeat()) {
                        if (row.length != s.target().length) {
                            problem(pos, "dynamic_feat row has " + row.length + " values, target has "
                                    + s.target().length);
                            break;
                        }
                    }
                }
            }
            for (FormatException e : r.stats().errors()) {
                problem(e);
            }
        }
        if (catValues != null) {
            for (int i = 0; i < catValues.length; i++) {
                TreeSet<Long> seen = catValues[i];
                if (!seen.isEmpty() && seen.size() != seen.last() + 1) {
                    problem(SourcePosition.ofRecord(file.toString(), 0, -1), "cat[" + i + "] does not cover 0.."
                            + seen.last() + " (DeepAR needs every category in the training set)");
                }
            }
        }
        return n;
    }

    static final class AlgorithmConverter implements picocli.CommandLine.ITypeConverter<Algorithm> {
        @Override
        public Algorithm convert(String v) {
            try {
                return Algorithm.parse(v);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

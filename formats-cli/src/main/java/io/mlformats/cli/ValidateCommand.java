package io.mlformats.cli;

import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.Conversions;
import io.mlformats.cli.convert.ParquetRowSource;
import io.mlformats.cli.convert.Row;
import io.mlformats.cli.convert.RowSource;
import io.mlformats.core.FormatException;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.vector.ValueType;
import io.mlformats.parquet.DeepArParquetReadOptions;
import io.mlformats.parquet.DeepArParquetReader;
import io.mlformats.parquet.DeepArParquetSeries;
import io.mlformats.blazingtext.BlazingTextLineView;
import io.mlformats.blazingtext.BlazingTextManifest;
import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.core.ReadMode;
import io.mlformats.deepar.DeepArValidator;
import io.mlformats.deepar.DeepArValidatorOptions;
import io.mlformats.core.validate.ValidationProblem;
import io.mlformats.core.validate.ValidationReport;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.ManifestReadOptions;
import io.mlformats.object2vec.Object2VecHyperparameters;
import io.mlformats.object2vec.Object2VecReadOptions;
import io.mlformats.object2vec.Object2VecValidator;
import io.mlformats.recordio.image.ImageRecord;
import io.mlformats.recordio.image.ImageRecordReadOptions;
import io.mlformats.recordio.image.ImageRecordReader;
import java.io.PrintWriter;
import java.util.ArrayList;
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

    @Option(names = "--num-classes", paramLabel = "N", defaultValue = "0",
            description = "Classification: labels must be integers 0..N-1 (xgboost num_class, linear-learner "
                    + "num_classes, object2vec num_classes, image-classification num_classes).")
    int numClasses;

    @Option(names = "--feature-dim", paramLabel = "N", defaultValue = "0",
            description = "Rows must have exactly N features (the feature_dim hyperparameter).")
    long featureDim;

    @Option(names = "--prediction-length", paramLabel = "N", defaultValue = "0",
            description = "DeepAR prediction_length (series shorter than it are reported).")
    int predictionLength;

    @Option(names = "--time-freq", paramLabel = "FREQ", description = "DeepAR time_freq (5min, H, D, W, M).")
    String timeFreq;

    private long errors;
    private long warnings;
    private PrintWriter err;
    /** Problems of the current file, printed sorted by byte offset when the file is done. */
    private final List<String[]> pending = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        err = spec.commandLine().getErr();
        ConvertOptions o = ConvertOptions.reading(read.lenient, true, read.multiLabel);
        long records = 0;
        List<Path> files = Inputs.expand(inputs);
        if (files.isEmpty()) {
            throw UserException.usage("no input files");
        }
        DeepArValidator deepAr = null;
        for (Path file : files) {
            Format f = Inputs.format(file, read.from);
            if (!algorithm.accepts.contains(f)) {
                problem(SourcePosition.ofRecord(file.toString(), 0, -1), algorithm.cliName + " does not accept " + f
                        + " (accepts " + algorithm.accepts + ")");
            } else if (algorithm == Algorithm.DEEPAR && f == Format.PARQUET) {
                records += deepArParquet(file, o);
            } else if (f == Format.DEEPAR) {
                if (deepAr == null) {
                    DeepArValidatorOptions dv = DeepArValidatorOptions.training(predictionLength)
                            .withMode(read.lenient ? ReadMode.LENIENT : ReadMode.STRICT);
                    deepAr = new DeepArValidator(timeFreq == null ? dv : dv.withTimeFreq(timeFreq));
                }
                deepAr.add(file);
            } else if (f == Format.OBJECT2VEC) {
                Object2VecValidator v = new Object2VecValidator(Object2VecReadOptions.training(
                        new Object2VecHyperparameters(0, 0, 0, 0, numClasses)).withRead(o.readOptions()), 10_000);
                v.add(file);
                records += report(v.report());
            } else if (f == Format.BLAZINGTEXT) {
                records += blazingText(file, o);
            } else if (f == Format.MANIFEST) {
                records += manifest(file, o);
            } else if (f == Format.IMAGE_RECORD) {
                records += images(file, o);
            } else {
                records += rows(file, f, o);
            }
            flushFile();
        }
        if (deepAr != null) {
            records += report(deepAr.finish());
            flushFile();
        }
        if (errors > MAX_PRINTED) {
            err.println("... " + (errors - MAX_PRINTED) + " more problem(s) not shown");
        }
        if (!read.quiet) {
            err.println(errors == 0 ? "OK: " + records + " record(s) valid for " + algorithm.cliName
                    + (warnings > 0 ? " (" + warnings + " warning(s))" : "")
                    : errors + " problem(s) found for " + algorithm.cliName);
        }
        err.flush();
        return errors == 0 ? ExitCode.OK : ExitCode.INVALID_DATA;
    }

    private void problem(SourcePosition pos, String message) {
        problem(new FormatException(pos, message));
    }

    private void problem(FormatException e) {
        errors++;
        if (errors <= MAX_PRINTED) {
            SourcePosition pos = e.position();
            boolean fileLevel = pos.recordIndex() < 0 && pos.line() < 0;
            pending.add(new String[] {fileLevel ? "-1" : Long.toString(pos.byteOffset()), e.getMessage()});
        }
    }

    /**
     * Prints the file's problems: record-level ones in byte-offset order (reader errors are collected apart from
     * the checks made here), file-level ones (offset -1) where they were found.
     */
    private void flushFile() {
        List<String[]> records = new ArrayList<>();
        for (String[] p : pending) {
            if (!p[0].equals("-1")) {
                records.add(p);
            }
        }
        records.sort(java.util.Comparator.comparingLong(p -> Long.parseLong(p[0])));
        int next = 0;
        for (int i = 0; i < pending.size(); i++) {
            if (!pending.get(i)[0].equals("-1")) {
                pending.set(i, records.get(next++));
            }
        }
        for (String[] p : pending) {
            err.println(p[1]);
        }
        pending.clear();
    }

    /** Problems of a jsonlines validator's report: errors count, warnings are printed but pass. */
    private long report(ValidationReport r) {
        for (ValidationProblem p : r.problems()) {
            if (p.severity() == ValidationProblem.Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
            if (errors + warnings <= MAX_PRINTED) {
                pending.add(new String[] {Long.toString(p.position().byteOffset()), p.toString()});
            }
        }
        errors += Math.max(0, r.errorCount() - r.problems().stream()
                .filter(p -> p.severity() == ValidationProblem.Severity.ERROR).count());
        return r.records();
    }

    private void readerErrors(io.mlformats.core.ReadStats stats) {
        for (FormatException e : stats.errors()) {
            problem(e);
        }
        errors += Math.max(0, stats.skipped() - stats.errors().size());
    }

    private long rows(Path file, Format f, ConvertOptions o) throws Exception {
        long width = featureDim > 0 ? featureDim : -1;
        long n = 0;
        boolean strictValues = algorithm != Algorithm.XGBOOST; // xgboost reads NaN / empty CSV fields as missing
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
            if (algorithm.float32Only && f == Format.RECORDIO_PROTOBUF && src.valueType() != ValueType.FLOAT32) {
                problem(head, algorithm.cliName + " takes float32 tensors only; this file's features are not float32");
            }
            while (src.next()) {
                Row r = src.current();
                n++;
                SourcePosition pos = src.position();
                if (algorithm.needsLabel && r.labelCount() == 0) {
                    problem(pos, "record has no label; " + algorithm.cliName + " needs one");
                } else if (algorithm.needsLabel && r.isMultiLabel()) {
                    problem(pos, "record has " + r.labelCount() + " labels; " + algorithm.cliName + " takes one");
                }
                for (int i = 0; i < r.labelCount(); i++) {
                    double l = r.label(i);
                    if (!Double.isFinite(l)) {
                        problem(pos, "label is " + l);
                    } else if (numClasses > 0 && (l != Math.rint(l) || l < 0 || l >= numClasses)) {
                        problem(pos, "label " + io.mlformats.core.text.NumberFormatter.toString(l)
                                + " is not an integer in 0.." + (numClasses - 1) + " (--num-classes " + numClasses + ")");
                    }
                }
                if (strictValues) {
                    String bad = nonFinite(r);
                    if (bad != null) {
                        problem(pos, bad + "; " + algorithm.cliName + " needs every feature value present and finite");
                    }
                }
                if (algorithm.fixedWidth || featureDim > 0) {
                    long w = r.isSparse() ? r.sparse().dimension() : r.dense().size();
                    if (r.isSparse() && featureDim > 0 && r.sparse().nnz() > 0
                            && r.sparse().index(r.sparse().nnz() - 1) >= featureDim) {
                        problem(pos, "feature index " + r.sparse().index(r.sparse().nnz() - 1)
                                + " is not below --feature-dim " + featureDim);
                    } else if (w > 0 && width < 0) {
                        width = w;
                    } else if (w > 0 && w != width) {
                        problem(pos, "record has " + w + " features, " + (featureDim > 0 ? "--feature-dim is "
                                : "the first had ") + width + " (feature_dim must be constant)");
                    }
                }
            }
            readerErrors(src.stats());
        }
        return n;
    }

    private static String nonFinite(Row r) {
        if (r.isSparse()) {
            for (int i = 0; i < r.sparse().nnz(); i++) {
                double v = r.sparse().value(i);
                if (!Double.isFinite(v)) {
                    return "feature " + r.sparse().index(i) + " is " + v;
                }
            }
        } else {
            for (int i = 0; i < r.dense().size(); i++) {
                double v = r.dense().value(i);
                if (!Double.isFinite(v)) {
                    return "feature " + i + (v != v ? " is missing (empty field or NaN)" : " is " + v);
                }
            }
        }
        return null;
    }

    private long blazingText(Path file, ConvertOptions o) throws Exception {
        long n = 0;
        try (BlazingTextReader r = BlazingTextReader.open(file, BlazingTextReadOptions.supervised()
                .withRead(o.readOptions()))) {
            while (r.next()) {
                n++;
                BlazingTextLineView line = r.current();
                if (line.labelCount() == 0) {
                    problem(r.position(), "line has no __label__ token; supervised BlazingText needs one");
                } else if (line.wordCount() == 0) {
                    problem(r.position(), "line has labels but no words");
                }
            }
            readerErrors(r.stats());
        }
        return n;
    }

    private long manifest(Path file, ConvertOptions o) throws Exception {
        long n = 0;
        boolean text = algorithm == Algorithm.BLAZINGTEXT;
        ManifestReadOptions mo = (text ? ManifestReadOptions.attributes(BlazingTextManifest.SOURCE,
                BlazingTextManifest.LABEL) : ManifestReadOptions.attributes("source-ref")).withRead(o.readOptions());
        try (AugmentedManifestReader r = AugmentedManifestReader.open(file, mo)) {
            while (r.next()) {
                n++;
                if (text) {
                    try {
                        BlazingTextManifest.toLine(r.current(), "__label__", r.position());
                    } catch (FormatException e) {
                        problem(e);
                    }
                } else if (r.current().names().size() < 2) {
                    problem(r.position(), "line has only source-ref; image classification needs a label attribute");
                }
            }
            readerErrors(r.stats());
        }
        return n;
    }

    private long images(Path file, ConvertOptions o) throws Exception {
        long n = 0;
        try (ImageRecordReader r = ImageRecordReader.open(file, ImageRecordReadOptions.defaults()
                .withRead(o.readOptions()))) {
            while (r.next()) {
                n++;
                ImageRecord rec = r.current();
                for (int i = 0; i < rec.labelCount(); i++) {
                    float l = rec.label(i);
                    if (!Float.isFinite(l)) {
                        problem(r.position(), "label " + i + " is " + l);
                    } else if (numClasses > 0 && (l != Math.rint(l) || l < 0 || l >= numClasses)) {
                        problem(r.position(), "label " + l + " is not an integer in 0.." + (numClasses - 1));
                    }
                }
                java.nio.ByteBuffer img = rec.image();
                int p = img.position();
                boolean jpeg = img.remaining() >= 2 && (img.get(p) & 0xff) == 0xff && (img.get(p + 1) & 0xff) == 0xd8;
                boolean png = img.remaining() >= 4 && (img.get(p) & 0xff) == 0x89 && img.get(p + 1) == 'P'
                        && img.get(p + 2) == 'N' && img.get(p + 3) == 'G';
                if (!jpeg && !png) {
                    problem(r.position(), "image bytes are neither JPEG nor PNG (" + img.remaining() + " bytes)");
                }
            }
            readerErrors(r.stats());
        }
        return n;
    }

    private long deepArParquet(Path file, ConvertOptions o) throws Exception {
        long n = 0;
        int catCount = -1;
        int dynCount = -1;
        TreeSet<Long>[] catValues = null;
        try (DeepArParquetReader r = DeepArParquetReader.open(file, DeepArParquetReadOptions.defaults().withRead(o.readOptions()))) {
            while (r.next()) {
                DeepArParquetSeries s = r.current().copy();
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
            readerErrors(r.stats());
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

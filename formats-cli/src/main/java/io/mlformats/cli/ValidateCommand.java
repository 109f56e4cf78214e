package io.mlformats.cli;

import io.mlformats.cli.handler.FormatHandler;
import io.mlformats.cli.handler.Handlers;
import io.mlformats.cli.handler.Validation;
import io.mlformats.core.SourcePosition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mlformats validate --for ALGORITHM}: does this channel suit that algorithm? A shell over the format
 * handlers, which apply the library's validators ({@link io.mlformats.core.validate.TabularValidator} for feature
 * rows).
 */
@Command(name = "validate", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Check INPUT... against what a SageMaker built-in algorithm accepts (content type, dtype, "
                + "labels, dimensions, DeepAR/Object2Vec dataset rules). Each problem prints as "
                + "file:line:offset: message; exit code 1 if any error was found."},
        footer = {"", "Example:", "  mlformats validate --for xgboost train.libsvm"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--for", required = true, paramLabel = "ALGORITHM", converter = AlgorithmConverter.class,
            description = "xgboost, linear-learner, factorization-machines, knn, kmeans, pca, deepar, object2vec, "
                    + "blazingtext, image-classification.")
    Algorithm algorithm;

    @Mixin
    ReadFlags read;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files of the channel (a directory: its files; - for standard input, with --from).")
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

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = Inputs.expand(inputs);
        if (files.isEmpty()) {
            throw UserException.usage("no input files");
        }
        Validation v = new Validation(algorithm, read.options(true),
                numClasses, featureDim, predictionLength, timeFreq, err);
        long records = 0;
        Format channel = null;
        for (Path file : files) {
            Format f = Inputs.format(file, read.from);
            FormatHandler h = Handlers.of(f);
            if (channel == null) {
                channel = f;
            }
            if (f != channel) {
                // A channel has one content type: the algorithm reads every file of it as the first one's format.
                v.problem(SourcePosition.ofRecord(file.toString(), 0, -1), "the channel mixes formats: this file is "
                        + f + " but " + files.get(0) + " is " + channel + "; a channel holds one format");
            } else if (!h.validatedFor().contains(algorithm)) {
                v.problem(SourcePosition.ofRecord(file.toString(), 0, -1), algorithm.cliName() + " does not accept "
                        + f + " (accepts " + Handlers.accepting(algorithm) + ")");
            } else {
                records += h.validate(file, v);
            }
            v.flushFile();
        }
        records += v.finishDatasets();
        long errors = v.errors();
        if (errors > Validation.MAX_PRINTED) {
            err.println("... " + (errors - Validation.MAX_PRINTED) + " more problem(s) not shown");
        }
        if (!read.quiet) {
            err.println(errors == 0 ? "OK: " + records + " record(s) valid for " + algorithm.cliName()
                    + (v.warnings() > 0 ? " (" + v.warnings() + " warning(s))" : "")
                    : errors + " problem(s) found for " + algorithm.cliName());
        }
        err.flush();
        return errors == 0 ? ExitCode.OK : ExitCode.INVALID_DATA;
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

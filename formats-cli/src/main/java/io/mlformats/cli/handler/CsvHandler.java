package io.mlformats.cli.handler;

import io.mlformats.cli.Algorithm;
import io.mlformats.cli.Format;
import io.mlformats.cli.UserException;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.CsvRowSource;
import io.mlformats.cli.convert.RowSource;
import io.mlformats.cli.convert.SinkFactory;
import io.mlformats.cli.convert.TextRowSink;
import io.mlformats.core.vector.ValueType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/** SageMaker CSV (label first, no header). Recognised last: commas and nothing more specific. Stateless. */
final class CsvHandler extends TabularHandler {

    @Override
    public Format format() {
        return Format.CSV;
    }

    @Override
    public String recognise(Sniff head) {
        return head.jsonLine() == null && head.token() == null && head.commas() ? "comma-separated values" : null;
    }

    @Override
    public Set<Algorithm> validatedFor() {
        return EnumSet.of(Algorithm.XGBOOST, Algorithm.LINEAR_LEARNER, Algorithm.KNN, Algorithm.KMEANS,
                Algorithm.PCA);
    }

    @Override
    public RowSource openRows(Path file, ConvertOptions o) throws IOException, UserException {
        return CsvRowSource.open(file, o);
    }

    @Override
    public SinkFactory rowSinks(ConvertOptions o, ValueType inputType, long width) throws UserException {
        if (Boolean.FALSE.equals(o.dense())) {
            throw UserException.usage("csv output is dense; --sparse does not apply");
        }
        ValueType t = o.dtype() != null ? o.dtype() : inputType;
        long w = o.numFeatures() > 0 ? o.numFeatures() : width;
        return target -> TextRowSink.csv(target, o, t, w);
    }
}

package io.mlformats.cli.convert;

import io.mlformats.cli.UserException;
import io.mlformats.core.vector.ValueType;
import io.mlformats.libsvm.csv.CsvReadOptions;
import io.mlformats.libsvm.csv.CsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rows of a SageMaker CSV file ({@link CsvReader}: label first, optional weight second, no header) as the
 * reader's dense rows: a missing value (empty field or {@code nan}) is NaN.
 * Not thread-safe.
 */
public final class CsvRowSource extends ReaderRowSource<CsvReader> {
    private final ValueType type;
    private final CsvReadOptions options;

    private CsvRowSource(CsvReader reader, CsvReadOptions options, ValueType type, long size) {
        super(reader, size);
        this.options = options;
        this.type = type;
    }

    /** The rows of a CSV file read with the command's options (label and weight columns, value type). */
    public static CsvRowSource open(Path file, ConvertOptions o) throws IOException, UserException {
        ValueType t = o.dtype() != null ? o.dtype() : ValueType.FLOAT32;
        CsvReadOptions c = options(o).withValueType(t);
        return new CsvRowSource(CsvReader.open(file, c), c, t, Files.size(file));
    }

    /** CSV reading options from the label/weight column flags: the label is column 0, a weight column 1. */
    static CsvReadOptions options(ConvertOptions o) throws UserException {
        boolean label = true;
        if (o.labelColumn() != null) {
            switch (o.labelColumn()) {
                case "none" -> label = false;
                case "0" -> label = true;
                default -> throw UserException.usage("CSV labels are column 0 (SageMaker's convention); "
                        + "--label-column must be 0 or none for CSV, not '" + o.labelColumn() + "'");
            }
        }
        boolean weight = false;
        if (o.weightColumn() != null) {
            if (!o.weightColumn().equals("1") || !label) {
                throw UserException.usage("a CSV weight is column 1, after the label (XGBoost csv_weights=1); "
                        + "--weight-column must be 1 for CSV, not '" + o.weightColumn() + "'");
            }
            weight = true;
        }
        CsvReadOptions c = CsvReadOptions.defaults().withLabel(label).withWeight(weight)
                .withSkipHeader(o.skipHeader()).withRead(o.readOptions());
        return o.numFeatures() > 0 ? c.withNumFeatures(o.numFeatures()) : c;
    }

    @Override
    public ValueType valueType() {
        return type;
    }

    @Override
    public long declaredWidth() {
        return Math.max(0, reader.numFeatures());
    }

    @Override
    public List<String> describe() {
        return List.of("columns: " + (options.hasLabel() ? "label, " : "") + (options.hasWeight() ? "weight, " : "")
                + "then one per feature");
    }
}

package io.mlformats.cli.convert;

import io.mlformats.core.vector.ValueType;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.parquet.ParquetFeatureReadOptions;
import io.mlformats.parquet.ParquetFeatureReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rows of a Parquet feature table ({@link ParquetFeatureReader}). */
public final class ParquetRowSource extends ReaderRowSource<ParquetFeatureReader> {

    private ParquetRowSource(ParquetFeatureReader reader, long size) {
        super(reader, size);
    }

    /** The feature rows of a Parquet feature table, with the command's label and weight columns. */
    public static ParquetRowSource open(Path file, ConvertOptions o) throws IOException {
        ParquetFeatureReadOptions b = ParquetFeatureReadOptions.defaults()
                .withRead(o.readOptions())
                .withIndexBase(o.indexBase() == IndexBase.ONE ? 1 : 0);
        if (o.labelColumn() != null) {
            b = o.labelColumn().equals("none") ? b.withNoLabel() : b.withLabelColumn(o.labelColumn());
        }
        if (o.weightColumn() != null) {
            b = b.withWeightColumn(o.weightColumn());
        }
        return new ParquetRowSource(ParquetFeatureReader.open(file, b), Files.size(file));
    }

    @Override
    public ValueType valueType() {
        return reader.valueType();
    }

    @Override
    public long declaredWidth() {
        return reader.declaredDimension();
    }

    @Override
    public List<String> describe() {
        List<String> d = new ArrayList<>();
        d.add("layout: " + reader.layout().name().toLowerCase(java.util.Locale.ROOT));
        d.add("label column: " + (reader.labelColumn() == null ? "(none)" : reader.labelColumn()));
        if (reader.weightColumn() != null) {
            d.add("weight column: " + reader.weightColumn());
        }
        List<String> fc = reader.featureColumns();
        d.add("feature columns: " + (fc.size() > 12 ? fc.subList(0, 12) + " ... (" + fc.size() + ")" : fc));
        if (!reader.ignoredColumns().isEmpty()) {
            d.add("ignored columns: " + reader.ignoredColumns());
        }
        d.add("row groups: " + reader.rowGroups());
        return d;
    }

    /** Columns that are not numbers and were not read (XGBoost would choke on them). */
    public List<String> ignoredColumns() {
        return reader.ignoredColumns();
    }

    /** The label column's name, or null if the table has none. */
    public String labelColumn() {
        return reader.labelColumn();
    }
}

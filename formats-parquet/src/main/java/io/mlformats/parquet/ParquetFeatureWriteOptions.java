package io.mlformats.parquet;

import io.mlformats.core.vector.ValueType;
import java.util.Objects;

/**
 * How {@link ParquetFeatureWriter} lays out a table. Immutable and thread-safe; start from {@link #defaults()}
 * and change settings with the {@code withX} methods.
 *
 * <p>Defaults: {@link FeatureLayout#COLUMNS} (label first, then {@code f0..f<n-1>}: the table SageMaker
 * XGBoost reads; {@link #withNumFeatures} must then be set before opening a writer), float32 features, a
 * {@code label} column, no weight column, SNAPPY pages, 128 MiB row groups.
 *
 * @param layout        COLUMNS, LIST or SPARSE
 * @param numFeatures   number of feature columns (required, {@code > 0}, for COLUMNS when a writer opens); for
 *                      SPARSE, the dimension recorded in the footer (0 = unknown)
 * @param valueType     float32 or float64 feature values
 * @param withLabel     write a label column ({@code double}); every row must then have a label
 * @param withWeight    write a weight column ({@code double})
 * @param labelColumn   label column name
 * @param weightColumn  weight column name
 * @param featurePrefix prefix of feature column names (COLUMNS) or the list column's name (LIST); {@code null}
 *                      for the default of the layout ({@code f} for COLUMNS, {@code features} for LIST)
 * @param compression   page codec
 * @param rowGroupBytes target row group size
 */
public record ParquetFeatureWriteOptions(FeatureLayout layout, int numFeatures, ValueType valueType,
                                         boolean withLabel, boolean withWeight, String labelColumn,
                                         String weightColumn, String featurePrefix, ParquetCompression compression,
                                         long rowGroupBytes) {

    /**
     * Checks the settings.
     *
     * @param layout        COLUMNS, LIST or SPARSE; not null
     * @param numFeatures   number of feature columns (COLUMNS, 0 = from the first row) or the SPARSE dimension
     *                      (0 = unknown); at least 0
     * @param valueType     float32 or float64 feature values; not null
     * @param withLabel     true to write a label column
     * @param withWeight    true to write a weight column
     * @param labelColumn   label column name; not null
     * @param weightColumn  weight column name; not null
     * @param featurePrefix prefix of feature column names, or the LIST column's name; {@code null} for the default
     * @param compression   page codec; not null
     * @param rowGroupBytes target row group size in bytes, at least 1024
     * @throws IllegalArgumentException if {@code numFeatures < 0} or {@code rowGroupBytes < 1024}
     * @throws NullPointerException     if a layout, type, column name or compression is null
     */
    public ParquetFeatureWriteOptions {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(labelColumn, "labelColumn");
        Objects.requireNonNull(weightColumn, "weightColumn");
        Objects.requireNonNull(compression, "compression");
        if (numFeatures < 0) {
            throw new IllegalArgumentException("numFeatures must be >= 0: " + numFeatures);
        }
        if (rowGroupBytes < 1024) {
            throw new IllegalArgumentException("rowGroupBytes too small: " + rowGroupBytes);
        }
    }

    /**
     * COLUMNS layout with no features yet, float32, a {@code label} column, SNAPPY, 128 MiB row groups.
     *
     * @return new default options
     */
    public static ParquetFeatureWriteOptions defaults() {
        return new ParquetFeatureWriteOptions(FeatureLayout.COLUMNS, 0, ValueType.FLOAT32, true, false, "label",
                "weight", null, ParquetCompression.SNAPPY, 128L << 20);
    }

    /**
     * The same options with layout {@code l}.
     *
     * @param l how the features are laid out in the table; not null
     * @return new options with layout {@code l}
     * @throws NullPointerException if {@code l} is null
     */
    public ParquetFeatureWriteOptions withLayout(FeatureLayout l) {
        return new ParquetFeatureWriteOptions(l, numFeatures, valueType, withLabel, withWeight, labelColumn,
                weightColumn, featurePrefix, compression, rowGroupBytes);
    }

    /**
     * The same options with {@code n} features.
     *
     * @param n number of feature columns (COLUMNS) or the dimension recorded in the footer (SPARSE); at least 0
     * @return new options with {@code numFeatures} {@code n}
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public ParquetFeatureWriteOptions withNumFeatures(int n) {
        return new ParquetFeatureWriteOptions(layout, n, valueType, withLabel, withWeight, labelColumn, weightColumn,
                featurePrefix, compression, rowGroupBytes);
    }

    /**
     * The same options with feature values of type {@code t}.
     *
     * @param t float32 or float64; not null
     * @return new options with value type {@code t}
     * @throws NullPointerException if {@code t} is null
     */
    public ParquetFeatureWriteOptions withValueType(ValueType t) {
        return new ParquetFeatureWriteOptions(layout, numFeatures, t, withLabel, withWeight, labelColumn,
                weightColumn, featurePrefix, compression, rowGroupBytes);
    }

    /**
     * The same options with or without a label column.
     *
     * @param b true to write a label column
     * @return new options with {@code withLabel} {@code b}
     */
    public ParquetFeatureWriteOptions withLabel(boolean b) {
        return new ParquetFeatureWriteOptions(layout, numFeatures, valueType, b, withWeight, labelColumn,
                weightColumn, featurePrefix, compression, rowGroupBytes);
    }

    /**
     * The same options with or without a weight column.
     *
     * @param b true to write a weight column
     * @return new options with {@code withWeight} {@code b}
     */
    public ParquetFeatureWriteOptions withWeight(boolean b) {
        return new ParquetFeatureWriteOptions(layout, numFeatures, valueType, withLabel, b, labelColumn,
                weightColumn, featurePrefix, compression, rowGroupBytes);
    }

    /**
     * The same options with the label column named {@code name}.
     *
     * @param name the label column's name; not null
     * @return new options with label column {@code name}
     * @throws NullPointerException if {@code name} is null
     */
    public ParquetFeatureWriteOptions withLabelColumn(String name) {
        return new ParquetFeatureWriteOptions(layout, numFeatures, valueType, withLabel, withWeight, name,
                weightColumn, featurePrefix, compression, rowGroupBytes);
    }

    /**
     * The same options with the weight column named {@code name}.
     *
     * @param name the weight column's name; not null
     * @return new options with weight column {@code name}
     * @throws NullPointerException if {@code name} is null
     */
    public ParquetFeatureWriteOptions withWeightColumn(String name) {
        return new ParquetFeatureWriteOptions(layout, numFeatures, valueType, withLabel, withWeight, labelColumn,
                name, featurePrefix, compression, rowGroupBytes);
    }

    /**
     * The same options with feature columns named {@code prefix0, prefix1, ...} (or the LIST column {@code prefix}).
     *
     * @param prefix the feature column name prefix or LIST column name, or {@code null} for the layout's default
     * @return new options with feature prefix {@code prefix}
     */
    public ParquetFeatureWriteOptions withFeaturePrefix(String prefix) {
        return new ParquetFeatureWriteOptions(layout, numFeatures, valueType, withLabel, withWeight, labelColumn,
                weightColumn, prefix, compression, rowGroupBytes);
    }

    /**
     * The same options with page codec {@code c}.
     *
     * @param c the page codec; not null
     * @return new options with compression {@code c}
     * @throws NullPointerException if {@code c} is null
     */
    public ParquetFeatureWriteOptions withCompression(ParquetCompression c) {
        return new ParquetFeatureWriteOptions(layout, numFeatures, valueType, withLabel, withWeight, labelColumn,
                weightColumn, featurePrefix, c, rowGroupBytes);
    }

    /**
     * The same options with row groups of about {@code n} bytes.
     *
     * @param n target row group size in bytes, at least 1024
     * @return new options with row group size {@code n}
     * @throws IllegalArgumentException if {@code n < 1024}
     */
    public ParquetFeatureWriteOptions withRowGroupBytes(long n) {
        return new ParquetFeatureWriteOptions(layout, numFeatures, valueType, withLabel, withWeight, labelColumn,
                weightColumn, featurePrefix, compression, n);
    }

    /** The feature column prefix in effect: {@link #featurePrefix()} or the layout's default. */
    String effectivePrefix() {
        return featurePrefix != null ? featurePrefix : layout == FeatureLayout.LIST ? "features" : "f";
    }
}

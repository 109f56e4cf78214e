package io.mlformats.parquet;

import io.mlformats.core.ReadOptions;
import io.mlformats.core.vector.ValueType;
import java.util.List;
import java.util.Objects;

/**
 * How {@link ParquetFeatureReader} maps a table to labelled feature rows. Immutable and thread-safe; start from
 * {@link #defaults()} and change settings with the {@code withX} methods.
 *
 * <p>Column choice, when not given:
 * <ul>
 *   <li>label: the column named {@code label}, else the first column (the XGBoost convention);
 *       {@link #withNoLabel()} reads no label;</li>
 *   <li>weight: none unless named;</li>
 *   <li>layout: {@link FeatureLayout#SPARSE} if list columns {@code indices} and {@code values} exist (or
 *       {@link #withSparseColumns} names them), else {@link FeatureLayout#LIST} if exactly one remaining column
 *       is a list, else {@link FeatureLayout#COLUMNS} over every remaining numeric column in schema order;</li>
 *   <li>value type: float32 if every feature column is float32 (or int32), float64 otherwise.</li>
 * </ul>
 *
 * @param labelColumn    label column, {@code null} for the default rule, {@link #NO_LABEL} for none
 * @param weightColumn   weight column or {@code null}
 * @param featureColumns feature columns (COLUMNS layout, or the single LIST column); empty for the default rule
 * @param indicesColumn  sparse index column or {@code null}
 * @param valuesColumn   sparse value column or {@code null}
 * @param layout         forced layout or {@code null} to detect
 * @param valueType      forced value type or {@code null} to derive from the columns
 * @param indexBase      0 or 1: subtracted from sparse indices read (1 for tables written 1-based)
 * @param read           strict/lenient, error policy, errors kept
 */
public record ParquetFeatureReadOptions(String labelColumn, String weightColumn, List<String> featureColumns,
                                        String indicesColumn, String valuesColumn, FeatureLayout layout,
                                        ValueType valueType, int indexBase, ReadOptions read) {

    /** Value of {@link #labelColumn()} meaning "the table has no label". */
    public static final String NO_LABEL = "";

    /**
     * Checks and normalises the settings.
     *
     * @param labelColumn    label column name, {@code null} for the default rule, {@link #NO_LABEL} for none
     * @param weightColumn   weight column name, or {@code null} for no weight
     * @param featureColumns feature column names, copied; empty for the default rule; not null
     * @param indicesColumn  sparse index list column name, or {@code null}
     * @param valuesColumn   sparse value list column name, or {@code null}
     * @param layout         forced layout, or {@code null} to detect it
     * @param valueType      forced feature value type, or {@code null} to derive it from the columns
     * @param indexBase      0 or 1: subtracted from the sparse indices read
     * @param read           strict/lenient, error policy and errors kept; not null
     * @throws IllegalArgumentException if {@code indexBase} is not 0 or 1
     * @throws NullPointerException     if {@code featureColumns} or {@code read} is null
     */
    public ParquetFeatureReadOptions {
        featureColumns = List.copyOf(featureColumns);
        Objects.requireNonNull(read, "read");
        if (indexBase != 0 && indexBase != 1) {
            throw new IllegalArgumentException("indexBase must be 0 or 1: " + indexBase);
        }
    }

    /**
     * Every column chosen by the rules above, 0-based indices, strict fail-fast reading.
     *
     * @return new default options
     */
    public static ParquetFeatureReadOptions defaults() {
        return new ParquetFeatureReadOptions(null, null, List.of(), null, null, null, null, 0, ReadOptions.defaults());
    }

    /**
     * The same options with the label read from column {@code name} ({@code null}: the default rule).
     *
     * @param name the label column's name, {@code null} for the default rule, or {@link #NO_LABEL} for no label
     * @return new options with label column {@code name}
     */
    public ParquetFeatureReadOptions withLabelColumn(String name) {
        return new ParquetFeatureReadOptions(name, weightColumn, featureColumns, indicesColumn, valuesColumn, layout,
                valueType, indexBase, read);
    }

    /**
     * The same options reading no label.
     *
     * @return new options with label column {@link #NO_LABEL}
     */
    public ParquetFeatureReadOptions withNoLabel() {
        return withLabelColumn(NO_LABEL);
    }

    /**
     * The same options with the weight read from column {@code name} ({@code null}: no weight).
     *
     * @param name the weight column's name, or {@code null} for no weight
     * @return new options with weight column {@code name}
     */
    public ParquetFeatureReadOptions withWeightColumn(String name) {
        return new ParquetFeatureReadOptions(labelColumn, name, featureColumns, indicesColumn, valuesColumn, layout,
                valueType, indexBase, read);
    }

    /**
     * The same options with these feature columns (COLUMNS layout, or the one LIST column); empty: the rules.
     *
     * @param names feature column names in feature order, copied; empty for the default rule
     * @return new options with feature columns {@code names}
     * @throws NullPointerException if {@code names} or one of its elements is null
     */
    public ParquetFeatureReadOptions withFeatureColumns(List<String> names) {
        return new ParquetFeatureReadOptions(labelColumn, weightColumn, names, indicesColumn, valuesColumn, layout,
                valueType, indexBase, read);
    }

    /**
     * The same options with sparse features in list columns {@code indices} and {@code values}.
     *
     * @param indices name of the list column of feature indices
     * @param values  name of the list column of feature values, of the same length per row
     * @return new options with these sparse columns
     */
    public ParquetFeatureReadOptions withSparseColumns(String indices, String values) {
        return new ParquetFeatureReadOptions(labelColumn, weightColumn, featureColumns, indices, values, layout,
                valueType, indexBase, read);
    }

    /**
     * The same options with the layout forced ({@code null}: detect).
     *
     * @param l the layout to read with, or {@code null} to detect it
     * @return new options with layout {@code l}
     */
    public ParquetFeatureReadOptions withLayout(FeatureLayout l) {
        return new ParquetFeatureReadOptions(labelColumn, weightColumn, featureColumns, indicesColumn, valuesColumn, l,
                valueType, indexBase, read);
    }

    /**
     * The same options with the value type forced ({@code null}: derive from the columns).
     *
     * @param t feature value type to read into, or {@code null} to derive it from the columns
     * @return new options with value type {@code t}
     */
    public ParquetFeatureReadOptions withValueType(ValueType t) {
        return new ParquetFeatureReadOptions(labelColumn, weightColumn, featureColumns, indicesColumn, valuesColumn,
                layout, t, indexBase, read);
    }

    /**
     * The same options with sparse indices read as {@code base}-based (0 or 1).
     *
     * @param base 0 for indices that are column numbers, 1 for 1-based indices
     * @return new options with index base {@code base}
     * @throws IllegalArgumentException if {@code base} is not 0 or 1
     */
    public ParquetFeatureReadOptions withIndexBase(int base) {
        return new ParquetFeatureReadOptions(labelColumn, weightColumn, featureColumns, indicesColumn, valuesColumn,
                layout, valueType, base, read);
    }

    /**
     * The same options with these core read options (mode, error policy, errors kept).
     *
     * @param r the core read options to use; not null
     * @return new options with read options {@code r}
     * @throws NullPointerException if {@code r} is null
     */
    public ParquetFeatureReadOptions withRead(ReadOptions r) {
        return new ParquetFeatureReadOptions(labelColumn, weightColumn, featureColumns, indicesColumn, valuesColumn,
                layout, valueType, indexBase, r);
    }
}

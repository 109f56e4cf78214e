package io.mlformats.parquet;

import io.mlformats.core.ReadOptions;
import io.mlformats.core.vector.ValueType;
import java.util.List;
import java.util.Objects;

/**
 * How {@link ParquetFeatureReader} maps a table to {@link FeatureRow}s. Immutable; build with {@link #builder()}.
 *
 * <p>Column choice, when not given:
 * <ul>
 *   <li>label: the column named {@code label}, else the first column (the XGBoost convention); {@link #NO_LABEL}
 *       reads no label;</li>
 *   <li>weight: none unless named;</li>
 *   <li>layout: {@link FeatureLayout#SPARSE} if list columns {@code indices} and {@code values} exist (or
 *       {@link Builder#sparseColumns} names them), else {@link FeatureLayout#LIST} if exactly one remaining column
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
 * @param read           strict/lenient and error policy
 */
public record ParquetFeatureOptions(String labelColumn, String weightColumn, List<String> featureColumns,
                                    String indicesColumn, String valuesColumn, FeatureLayout layout,
                                    ValueType valueType, int indexBase, ReadOptions read) {

    /** Value of {@link #labelColumn()} meaning "the table has no label". */
    public static final String NO_LABEL = "";

    public ParquetFeatureOptions {
        featureColumns = List.copyOf(featureColumns);
        Objects.requireNonNull(read, "read");
        if (indexBase != 0 && indexBase != 1) {
            throw new IllegalArgumentException("indexBase must be 0 or 1: " + indexBase);
        }
    }

    public static ParquetFeatureOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder; every setting optional. Not thread-safe. */
    public static final class Builder {
        private String labelColumn;
        private String weightColumn;
        private List<String> featureColumns = List.of();
        private String indicesColumn;
        private String valuesColumn;
        private FeatureLayout layout;
        private ValueType valueType;
        private int indexBase;
        private ReadOptions read = ReadOptions.defaults();

        public Builder labelColumn(String name) {
            this.labelColumn = name;
            return this;
        }

        public Builder noLabel() {
            this.labelColumn = NO_LABEL;
            return this;
        }

        public Builder weightColumn(String name) {
            this.weightColumn = name;
            return this;
        }

        public Builder featureColumns(List<String> names) {
            this.featureColumns = names;
            return this;
        }

        public Builder sparseColumns(String indices, String values) {
            this.indicesColumn = indices;
            this.valuesColumn = values;
            return this;
        }

        public Builder layout(FeatureLayout layout) {
            this.layout = layout;
            return this;
        }

        public Builder valueType(ValueType type) {
            this.valueType = type;
            return this;
        }

        public Builder indexBase(int base) {
            this.indexBase = base;
            return this;
        }

        public Builder readOptions(ReadOptions read) {
            this.read = read;
            return this;
        }

        public ParquetFeatureOptions build() {
            return new ParquetFeatureOptions(labelColumn, weightColumn, featureColumns, indicesColumn, valuesColumn,
                    layout, valueType, indexBase, read);
        }
    }
}

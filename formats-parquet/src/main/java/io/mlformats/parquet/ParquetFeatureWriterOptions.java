package io.mlformats.parquet;

import io.mlformats.core.vector.ValueType;
import java.util.Objects;

/**
 * How {@link ParquetFeatureWriter} lays out a table. Immutable; build with {@link #builder()}.
 *
 * <p>Defaults: {@link FeatureLayout#COLUMNS} (label first, then {@code f0..f<n-1>}: the table SageMaker
 * XGBoost reads), float32 features, a {@code label} column, no weight column, SNAPPY pages, 128 MiB row groups.
 *
 * @param layout        COLUMNS, LIST or SPARSE
 * @param numFeatures   number of feature columns (required for COLUMNS); for SPARSE, the dimension recorded in
 *                      the footer (0 = unknown)
 * @param valueType     float32 or float64 feature values
 * @param withLabel     write a label column ({@code double}); every row must then have a label
 * @param withWeight    write a weight column ({@code double})
 * @param labelColumn   label column name
 * @param weightColumn  weight column name
 * @param featurePrefix prefix of feature column names (COLUMNS) or the list column's name (LIST)
 * @param compression   page codec
 * @param rowGroupBytes target row group size
 */
public record ParquetFeatureWriterOptions(FeatureLayout layout, int numFeatures, ValueType valueType,
                                          boolean withLabel, boolean withWeight, String labelColumn,
                                          String weightColumn, String featurePrefix, ParquetCompression compression,
                                          long rowGroupBytes) {

    public ParquetFeatureWriterOptions {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(compression, "compression");
        if (layout == FeatureLayout.COLUMNS && numFeatures <= 0) {
            throw new IllegalArgumentException("COLUMNS layout needs numFeatures > 0, got " + numFeatures);
        }
        if (numFeatures < 0) {
            throw new IllegalArgumentException("numFeatures must be >= 0: " + numFeatures);
        }
        if (rowGroupBytes < 1024) {
            throw new IllegalArgumentException("rowGroupBytes too small: " + rowGroupBytes);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder. Not thread-safe. */
    public static final class Builder {
        private FeatureLayout layout = FeatureLayout.COLUMNS;
        private int numFeatures;
        private ValueType valueType = ValueType.FLOAT32;
        private boolean withLabel = true;
        private boolean withWeight;
        private String labelColumn = "label";
        private String weightColumn = "weight";
        private String featurePrefix;
        private ParquetCompression compression = ParquetCompression.SNAPPY;
        private long rowGroupBytes = 128L << 20;

        public Builder layout(FeatureLayout l) {
            this.layout = l;
            return this;
        }

        public Builder numFeatures(int n) {
            this.numFeatures = n;
            return this;
        }

        public Builder valueType(ValueType t) {
            this.valueType = t;
            return this;
        }

        public Builder withLabel(boolean b) {
            this.withLabel = b;
            return this;
        }

        public Builder withWeight(boolean b) {
            this.withWeight = b;
            return this;
        }

        public Builder labelColumn(String name) {
            this.labelColumn = name;
            return this;
        }

        public Builder weightColumn(String name) {
            this.weightColumn = name;
            return this;
        }

        public Builder featurePrefix(String p) {
            this.featurePrefix = p;
            return this;
        }

        public Builder compression(ParquetCompression c) {
            this.compression = c;
            return this;
        }

        public Builder rowGroupBytes(long n) {
            this.rowGroupBytes = n;
            return this;
        }

        public ParquetFeatureWriterOptions build() {
            String prefix = featurePrefix != null ? featurePrefix : layout == FeatureLayout.LIST ? "features" : "f";
            return new ParquetFeatureWriterOptions(layout, numFeatures, valueType, withLabel, withWeight,
                    labelColumn, weightColumn, prefix, compression, rowGroupBytes);
        }
    }
}

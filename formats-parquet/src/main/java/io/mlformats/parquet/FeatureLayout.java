package io.mlformats.parquet;

/**
 * How a Parquet table holds the features of a row.
 *
 * <ul>
 *   <li>{@link #COLUMNS}: one numeric column per feature ({@code f0, f1, ...}); with the label first this is the
 *       table SageMaker XGBoost reads (it takes column 0 as the label). A null cell is a missing value.</li>
 *   <li>{@link #LIST}: one {@code list<float|double>} column holding the dense feature vector.</li>
 *   <li>{@link #SPARSE}: two list columns, {@code indices: list<int32|int64>} and {@code values: list<float|double>},
 *       of equal length per row (a CSR row).</li>
 * </ul>
 */
public enum FeatureLayout {
    /** One numeric column per feature. */
    COLUMNS,
    /** One list column holding the dense feature vector. */
    LIST,
    /** Two list columns: feature indices and values. */
    SPARSE
}

package io.mlformats.core.validate;

import java.util.Locale;

/**
 * The SageMaker built-in algorithms that train on labelled feature rows, with the rules {@link TabularValidator}
 * applies for each. Immutable.
 */
public enum TabularAlgorithm {
    /** XGBoost: a single label per row; missing and non-finite feature values are read as "missing". */
    XGBOOST("xgboost", true, false, false, false),
    /** Linear Learner: labelled rows, finite features, constant feature_dim, float32 tensors. */
    LINEAR_LEARNER("linear-learner", true, true, true, true),
    /** Factorization Machines: labelled rows, finite features, constant feature_dim, float32 tensors. */
    FACTORIZATION_MACHINES("factorization-machines", true, true, true, true),
    /** k-nearest neighbours: labelled rows, finite features, constant feature_dim, float32 tensors. */
    KNN("knn", true, true, true, true),
    /** k-means: unlabelled rows allowed, finite features, constant feature_dim. */
    KMEANS("kmeans", false, true, false, true),
    /** PCA: unlabelled rows allowed, finite features, constant feature_dim. */
    PCA("pca", false, true, false, true);

    private final String sageMakerName;
    private final boolean needsLabel;
    private final boolean fixedWidth;
    private final boolean float32Only;
    private final boolean finiteFeatures;

    TabularAlgorithm(String sageMakerName, boolean needsLabel, boolean fixedWidth, boolean float32Only,
                     boolean finiteFeatures) {
        this.sageMakerName = sageMakerName;
        this.needsLabel = needsLabel;
        this.fixedWidth = fixedWidth;
        this.float32Only = float32Only;
        this.finiteFeatures = finiteFeatures;
    }

    /**
     * The algorithm's SageMaker name, for example {@code "linear-learner"}.
     *
     * @return the lower-case, hyphenated name SageMaker uses for the algorithm
     */
    public String sageMakerName() {
        return sageMakerName;
    }

    /**
     * True if every training row must carry exactly one label.
     *
     * @return {@code true} if rows without exactly one label are refused
     */
    public boolean needsLabel() {
        return needsLabel;
    }

    /**
     * True if every row must have the same number of features (the {@code feature_dim} hyperparameter).
     *
     * @return {@code true} if rows of differing feature counts are refused
     */
    public boolean fixedWidth() {
        return fixedWidth;
    }

    /**
     * True if RecordIO-protobuf tensors must hold float32 values.
     *
     * @return {@code true} if float64 RecordIO-protobuf tensors are refused
     */
    public boolean float32Only() {
        return float32Only;
    }

    /**
     * True if every feature value must be present and finite (XGBoost alone reads NaN as missing).
     *
     * @return {@code true} if missing, NaN or infinite feature values are refused
     */
    public boolean finiteFeatures() {
        return finiteFeatures;
    }

    /**
     * How a dense text row (CSV) for this algorithm holds the entries a sparse row does not store, when the
     * sparse input means "missing" by them (LibSVM, sparse Parquet): XGBoost reads an empty CSV field as missing,
     * as it reads an absent LibSVM entry, so they stay missing (empty); the other algorithms have no missing
     * value (an empty field is refused, {@link #finiteFeatures()}) and read a sparse RecordIO-protobuf row's
     * absent entries as 0 (the SDK's sparse-matrix convention), so they are written as {@code 0}.
     *
     * @return {@code true} if absent sparse entries are written as {@code 0}, {@code false} if left missing
     */
    public boolean absentEntriesAreZero() {
        return finiteFeatures;
    }

    /**
     * The algorithm with a SageMaker name, case-insensitive, {@code _} accepted for {@code -}.
     *
     * @param name a SageMaker algorithm name such as {@code "linear-learner"} or {@code "LINEAR_LEARNER"}
     * @return the constant whose {@link #sageMakerName()} matches {@code name}
     * @throws IllegalArgumentException for a name that is not a tabular algorithm
     */
    public static TabularAlgorithm of(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        for (TabularAlgorithm a : values()) {
            if (a.sageMakerName.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("not a tabular algorithm: '" + name + "'");
    }

    @Override
    public String toString() {
        return sageMakerName;
    }
}

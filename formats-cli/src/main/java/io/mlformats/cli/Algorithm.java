package io.mlformats.cli;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** SageMaker built-in algorithms {@code validate} knows, with the training formats each accepts. */
enum Algorithm {
    XGBOOST("xgboost", true, false, false,
            EnumSet.of(Format.CSV, Format.LIBSVM, Format.PARQUET, Format.RECORDIO_PROTOBUF)),
    LINEAR_LEARNER("linear-learner", true, true, true, EnumSet.of(Format.RECORDIO_PROTOBUF, Format.CSV)),
    FACTORIZATION_MACHINES("factorization-machines", true, true, true, EnumSet.of(Format.RECORDIO_PROTOBUF)),
    KNN("knn", true, true, true, EnumSet.of(Format.RECORDIO_PROTOBUF, Format.CSV)),
    KMEANS("kmeans", false, true, false, EnumSet.of(Format.RECORDIO_PROTOBUF, Format.CSV)),
    PCA("pca", false, true, false, EnumSet.of(Format.RECORDIO_PROTOBUF, Format.CSV)),
    DEEPAR("deepar", false, false, false, EnumSet.of(Format.DEEPAR, Format.PARQUET)),
    OBJECT2VEC("object2vec", false, false, false, EnumSet.of(Format.OBJECT2VEC)),
    BLAZINGTEXT("blazingtext", false, false, false, EnumSet.of(Format.BLAZINGTEXT, Format.MANIFEST)),
    IMAGE_CLASSIFICATION("image-classification", false, false, false, EnumSet.of(Format.IMAGE_RECORD, Format.MANIFEST));

    final String cliName;
    /** Training rows must carry a label. */
    final boolean needsLabel;
    /** Every row must have the same feature width (the feature_dim hyperparameter). */
    final boolean fixedWidth;
    /** RecordIO-protobuf tensors must be float32 (recordio.md §4). */
    final boolean float32Only;
    final Set<Format> accepts;

    Algorithm(String cliName, boolean needsLabel, boolean fixedWidth, boolean float32Only, Set<Format> accepts) {
        this.cliName = cliName;
        this.needsLabel = needsLabel;
        this.fixedWidth = fixedWidth;
        this.float32Only = float32Only;
        this.accepts = accepts;
    }

    static Algorithm parse(String s) {
        String n = s.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Algorithm a : values()) {
            if (a.cliName.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + s + "'; known: " + names());
    }

    static String names() {
        StringBuilder sb = new StringBuilder();
        for (Algorithm a : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(a.cliName);
        }
        return sb.toString();
    }
}

package io.mlformats.cli;

import io.mlformats.core.validate.TabularAlgorithm;
import java.util.Locale;

/**
 * SageMaker built-in algorithms {@code validate} knows. The rules for feature rows are the library's
 * ({@link TabularAlgorithm}); which formats an algorithm accepts is said by each format's handler
 * ({@link io.mlformats.cli.handler.FormatHandler#validatedFor()}). Immutable.
 */
public enum Algorithm {
    /** XGBoost. */
    XGBOOST("xgboost", TabularAlgorithm.XGBOOST),
    /** Linear Learner. */
    LINEAR_LEARNER("linear-learner", TabularAlgorithm.LINEAR_LEARNER),
    /** Factorization Machines. */
    FACTORIZATION_MACHINES("factorization-machines", TabularAlgorithm.FACTORIZATION_MACHINES),
    /** k-nearest neighbours. */
    KNN("knn", TabularAlgorithm.KNN),
    /** k-means. */
    KMEANS("kmeans", TabularAlgorithm.KMEANS),
    /** PCA. */
    PCA("pca", TabularAlgorithm.PCA),
    /** DeepAR forecasting. */
    DEEPAR("deepar", null),
    /** Object2Vec. */
    OBJECT2VEC("object2vec", null),
    /** BlazingText (supervised). */
    BLAZINGTEXT("blazingtext", null),
    /** Image classification. */
    IMAGE_CLASSIFICATION("image-classification", null);

    private final String cliName;
    private final TabularAlgorithm tabular;

    Algorithm(String cliName, TabularAlgorithm tabular) {
        this.cliName = cliName;
        this.tabular = tabular;
    }

    /** The name on the command line ({@code --for NAME}). */
    public String cliName() {
        return cliName;
    }

    /** The library's rules for feature rows, or null for an algorithm that does not train on them. */
    public TabularAlgorithm tabular() {
        return tabular;
    }

    /**
     * The algorithm with a command-line name (case-insensitive, {@code _} for {@code -}).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Algorithm parse(String s) {
        String n = s.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Algorithm a : values()) {
            if (a.cliName.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + s + "'; known: " + names());
    }

    /** Every command-line name, comma-separated. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (Algorithm a : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(a.cliName);
        }
        return sb.toString();
    }
}

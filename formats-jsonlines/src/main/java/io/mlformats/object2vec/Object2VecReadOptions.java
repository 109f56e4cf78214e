package io.mlformats.object2vec;

import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import java.util.Objects;

/**
 * How Object2Vec lines are read. Immutable.
 *
 * @param read            mode, error policy, limits. Sequences longer than {@code encN_max_seq_len} are an error
 *                        in strict mode and a counted warning in lenient mode (the algorithm's behaviour is
 *                        undocumented)
 * @param requireLabel    training data (true) or inference instances (false: label optional)
 * @param requireBothInputs true for training and pair scoring; false for encoder-embedding requests (one input)
 * @param hyperparameters vocabulary sizes, sequence lengths and classes to check against
 */
public record Object2VecReadOptions(ReadOptions read, boolean requireLabel, boolean requireBothInputs,
                                    Object2VecHyperparameters hyperparameters) {
    /**
     * Validates the arguments.
     *
     * @param read mode, error policy and limits; must not be null
     * @param requireLabel true to require a {@code label} on every line
     * @param requireBothInputs true to require both {@code in0} and {@code in1}; false to accept either one
     * @param hyperparameters vocabulary sizes, sequence lengths and classes to check against; must not be null
     */
    public Object2VecReadOptions {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
    }

    /**
     * The most permissive shape: label optional, one or both inputs, no vocabulary checks ({@link #embeddings} with
     * {@link Object2VecHyperparameters#unchecked()}).
     *
     * @return options with default core read options, label optional, one or both inputs, nothing checked
     */
    public static Object2VecReadOptions defaults() {
        return embeddings(Object2VecHyperparameters.unchecked());
    }

    /**
     * Training files: label and both inputs required.
     *
     * @param hp the model's hyperparameters that token ids, lengths and labels are checked against
     * @return options with default core read options that require a label and both inputs
     */
    public static Object2VecReadOptions training(Object2VecHyperparameters hp) {
        return new Object2VecReadOptions(ReadOptions.defaults(), true, true, hp);
    }

    /**
     * Pair-scoring inference instances: both inputs, label ignored if present.
     *
     * @param hp the model's hyperparameters that token ids and lengths are checked against
     * @return options with default core read options that require both inputs but no label
     */
    public static Object2VecReadOptions inference(Object2VecHyperparameters hp) {
        return new Object2VecReadOptions(ReadOptions.defaults(), false, true, hp);
    }

    /**
     * Encoder-embedding requests: one or both inputs.
     *
     * @param hp the model's hyperparameters that token ids and lengths are checked against
     * @return options with default core read options that accept one or both inputs and no label
     */
    public static Object2VecReadOptions embeddings(Object2VecHyperparameters hp) {
        return new Object2VecReadOptions(ReadOptions.defaults(), false, false, hp);
    }

    /**
     * These options with other core read options.
     *
     * @param r the core read options (mode, error policy, limits) to use instead
     * @return a copy of these options with {@code r}
     */
    public Object2VecReadOptions withRead(ReadOptions r) {
        return new Object2VecReadOptions(r, requireLabel, requireBothInputs, hyperparameters);
    }

    /**
     * These options with another mode.
     *
     * @param m the read mode, strict or lenient
     * @return a copy of these options with mode {@code m}
     */
    public Object2VecReadOptions withMode(ReadMode m) {
        return withRead(read.withMode(m));
    }
}

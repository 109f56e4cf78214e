package io.mlformats.object2vec;

/**
 * The hyperparameters Object2Vec data is checked against. Immutable.
 *
 * @param enc0VocabSize {@code enc0_vocab_size}: token ids of {@code in0} must be {@code < } this (0 = unchecked)
 * @param enc1VocabSize {@code enc1_vocab_size} (0 = unchecked)
 * @param enc0MaxSeqLen {@code enc0_max_seq_len} (0 = unchecked)
 * @param enc1MaxSeqLen {@code enc1_max_seq_len} (0 = unchecked)
 * @param numClasses    {@code num_classes} for {@code output_layer=softmax}: labels are integers
 *                      {@code 0..numClasses-1}; 0 for regression ({@code mean_squared_error}: any finite number)
 */
public record Object2VecHyperparameters(int enc0VocabSize, int enc1VocabSize, int enc0MaxSeqLen, int enc1MaxSeqLen,
                                        int numClasses) {
    /** Validates the arguments (0 means unchecked). */
    public Object2VecHyperparameters {
        if (enc0VocabSize < 0 || enc1VocabSize < 0 || enc0MaxSeqLen < 0 || enc1MaxSeqLen < 0 || numClasses < 0
                || numClasses == 1) {
            throw new IllegalArgumentException("sizes must be >= 0 and num_classes 0 (regression) or >= 2");
        }
    }

    /** Nothing checked beyond the structure. */
    public static Object2VecHyperparameters unchecked() {
        return new Object2VecHyperparameters(0, 0, 0, 0, 0);
    }

    /** Classification with both encoders sharing limits. */
    public static Object2VecHyperparameters classification(int vocabSize, int maxSeqLen, int numClasses) {
        return new Object2VecHyperparameters(vocabSize, vocabSize, maxSeqLen, maxSeqLen, numClasses);
    }

    /** Regression with both encoders sharing limits. */
    public static Object2VecHyperparameters regression(int vocabSize, int maxSeqLen) {
        return new Object2VecHyperparameters(vocabSize, vocabSize, maxSeqLen, maxSeqLen, 0);
    }
}

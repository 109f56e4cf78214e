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
    /**
     * Validates the arguments (0 means unchecked).
     *
     * @param enc0VocabSize {@code enc0_vocab_size}, or 0 to skip the check of {@code in0} token ids
     * @param enc1VocabSize {@code enc1_vocab_size}, or 0 to skip the check of {@code in1} token ids
     * @param enc0MaxSeqLen {@code enc0_max_seq_len}, or 0 to skip the length check of {@code in0}
     * @param enc1MaxSeqLen {@code enc1_max_seq_len}, or 0 to skip the length check of {@code in1}
     * @param numClasses {@code num_classes}, at least 2 for classification, or 0 for regression
     */
    public Object2VecHyperparameters {
        if (enc0VocabSize < 0 || enc1VocabSize < 0 || enc0MaxSeqLen < 0 || enc1MaxSeqLen < 0 || numClasses < 0
                || numClasses == 1) {
            throw new IllegalArgumentException("sizes must be >= 0 and num_classes 0 (regression) or >= 2");
        }
    }

    /**
     * Nothing checked beyond the structure.
     *
     * @return hyperparameters with every size 0, so only the record structure is checked
     */
    public static Object2VecHyperparameters unchecked() {
        return new Object2VecHyperparameters(0, 0, 0, 0, 0);
    }

    /**
     * Classification with both encoders sharing limits.
     *
     * @param vocabSize the vocabulary size of both encoders; token ids must be below it
     * @param maxSeqLen the maximum sequence length of both encoders, in tokens
     * @param numClasses the number of classes, at least 2; labels must be in {@code 0..numClasses-1}
     * @return hyperparameters for a softmax classification model
     */
    public static Object2VecHyperparameters classification(int vocabSize, int maxSeqLen, int numClasses) {
        return new Object2VecHyperparameters(vocabSize, vocabSize, maxSeqLen, maxSeqLen, numClasses);
    }

    /**
     * Regression with both encoders sharing limits.
     *
     * @param vocabSize the vocabulary size of both encoders; token ids must be below it
     * @param maxSeqLen the maximum sequence length of both encoders, in tokens
     * @return hyperparameters for a regression model ({@code numClasses} 0)
     */
    public static Object2VecHyperparameters regression(int vocabSize, int maxSeqLen) {
        return new Object2VecHyperparameters(vocabSize, vocabSize, maxSeqLen, maxSeqLen, 0);
    }
}

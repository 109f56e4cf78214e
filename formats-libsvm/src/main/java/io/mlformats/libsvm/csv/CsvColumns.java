package io.mlformats.libsvm.csv;

/** The column layout rules that CSV read and write options share. */
final class CsvColumns {
    private CsvColumns() {
    }

    static void check(boolean hasLabel, boolean hasWeight, byte delimiter, long numFeatures) {
        if (hasWeight && !hasLabel) {
            throw new IllegalArgumentException("a weight column needs a label column");
        }
        if (delimiter == '\n' || delimiter == '\r' || delimiter == '"' || delimiter == '.' || delimiter == '-'
                || delimiter == '+' || (delimiter >= '0' && delimiter <= '9') || (delimiter | 0x20) == 'e') {
            throw new IllegalArgumentException("unusable delimiter " + (char) delimiter);
        }
        if (numFeatures < -1 || numFeatures > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("numFeatures must be -1 or in [0, 2^31-1]: " + numFeatures);
        }
    }
}

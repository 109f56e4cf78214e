package io.mlformats.object2vec;

/**
 * How Object2Vec records are written. Immutable and thread-safe.
 *
 * @param gzip gzip-compress the output (name such a file {@code .gz}); {@code false} by default
 */
public record Object2VecWriteOptions(boolean gzip) {

    /**
     * Plain (uncompressed) output.
     *
     * @return options that write uncompressed output
     */
    public static Object2VecWriteOptions defaults() {
        return new Object2VecWriteOptions(false);
    }

    /**
     * These options with gzip compression on or off.
     *
     * @param on true to gzip-compress the output
     * @return a copy of these options with gzip set to {@code on}
     */
    public Object2VecWriteOptions withGzip(boolean on) {
        return new Object2VecWriteOptions(on);
    }
}

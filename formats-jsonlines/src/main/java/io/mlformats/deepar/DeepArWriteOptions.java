package io.mlformats.deepar;

/**
 * How DeepAR series are written. Immutable and thread-safe.
 *
 * @param gzip gzip-compress the output (name such a file {@code .gz}); {@code false} by default
 */
public record DeepArWriteOptions(boolean gzip) {

    /**
     * Plain (uncompressed) output.
     *
     * @return options that write uncompressed output
     */
    public static DeepArWriteOptions defaults() {
        return new DeepArWriteOptions(false);
    }

    /**
     * These options with gzip compression on or off.
     *
     * @param on true to gzip-compress the output
     * @return a copy of these options with gzip set to {@code on}
     */
    public DeepArWriteOptions withGzip(boolean on) {
        return new DeepArWriteOptions(on);
    }
}

package io.mlformats.manifest;

/**
 * How augmented-manifest lines are written. Immutable and thread-safe.
 *
 * @param gzip gzip-compress the output (name such a file {@code .gz}); {@code false} by default
 */
public record ManifestWriteOptions(boolean gzip) {

    /**
     * Plain (uncompressed) output.
     *
     * @return options that write uncompressed output
     */
    public static ManifestWriteOptions defaults() {
        return new ManifestWriteOptions(false);
    }

    /**
     * These options with gzip compression on or off.
     *
     * @param on true to gzip-compress the output
     * @return a copy of these options with gzip set to {@code on}
     */
    public ManifestWriteOptions withGzip(boolean on) {
        return new ManifestWriteOptions(on);
    }
}

package io.mlformats.recordio;

/**
 * Options of {@link RecordIoWriter}. Immutable and thread-safe.
 *
 * @param splitOnMagic split a payload at every 4-aligned occurrence of the magic, exactly as dmlc-core's
 *                     {@code RecordIOWriter::WriteRecord} does (default {@code true}). Turning it off writes
 *                     every payload as one part, as the SageMaker Python SDK and sagemaker-spark do; such files
 *                     are read correctly from the start, but a reader that resynchronises inside a record (split
 *                     or parallel reading) can mistake an embedded magic for a record head. Use it only for
 *                     consumers that cannot reassemble multi-part records.
 * @param bufferBytes  size of the output buffer (records larger than it are written through)
 * @param gzip         gzip-compress the output (default {@code false}; SageMaker accepts gzip only for some
 *                     channels; the readers here detect it by content)
 */
public record RecordIoWriteOptions(boolean splitOnMagic, int bufferBytes, boolean gzip) {
    /** 1 MiB. */
    public static final int DEFAULT_BUFFER_BYTES = 1 << 20;
    private static final RecordIoWriteOptions DEFAULTS = new RecordIoWriteOptions(true, DEFAULT_BUFFER_BYTES, false);

    /**
     * Validates the buffer size ({@code >= 64}).
     *
     * @param splitOnMagic split payloads at 4-aligned occurrences of the magic, as dmlc-core does
     * @param bufferBytes  size of the output buffer in bytes ({@code >= 64})
     * @param gzip         gzip-compress the output
     * @throws IllegalArgumentException if {@code bufferBytes < 64}
     */
    public RecordIoWriteOptions {
        if (bufferBytes < 64) {
            throw new IllegalArgumentException("bufferBytes must be >= 64: " + bufferBytes);
        }
    }

    /**
     * dmlc-compatible splitting, 1 MiB buffer, no gzip.
     *
     * @return the shared default options
     */
    public static RecordIoWriteOptions defaults() {
        return DEFAULTS;
    }

    /**
     * These options with dmlc splitting on or off.
     *
     * @param split {@code true} to split payloads at 4-aligned occurrences of the magic, {@code false} to write
     *              every payload as one part
     * @return new options with {@code split} and this buffer size and compression
     */
    public RecordIoWriteOptions withSplitOnMagic(boolean split) {
        return new RecordIoWriteOptions(split, bufferBytes, gzip);
    }

    /**
     * These options with an output buffer of {@code bytes} bytes.
     *
     * @param bytes size of the output buffer in bytes ({@code >= 64})
     * @return new options with {@code bytes} and this splitting and compression
     * @throws IllegalArgumentException if {@code bytes < 64}
     */
    public RecordIoWriteOptions withBufferBytes(int bytes) {
        return new RecordIoWriteOptions(splitOnMagic, bytes, gzip);
    }

    /**
     * These options with gzip compression on or off.
     *
     * @param compress {@code true} to gzip-compress the output
     * @return new options with {@code compress} and this splitting and buffer size
     */
    public RecordIoWriteOptions withGzip(boolean compress) {
        return new RecordIoWriteOptions(splitOnMagic, bufferBytes, compress);
    }
}

package io.mlformats.recordio;

import io.mlformats.core.ReadOptions;
import java.util.Objects;

/**
 * Options of {@link RecordIoReader}: the common {@link ReadOptions} (strict/lenient, error policy, limits; the
 * payload limit is {@link io.mlformats.core.ReadLimits#maxRecordBytes()}) and the multi-part policy.
 * Immutable and thread-safe.
 *
 * <p>Strict mode (default) rejects a truncated header, payload or padding and trailing bytes that are not a
 * record, with the byte offset. Lenient mode accepts a missing final padding (as the SageMaker SDK's reader
 * does) and stops at the last complete record when the input ends in a damaged record or in trailing garbage,
 * counting the ignored bytes ({@link RecordIoReader#ignoredBytes()}) and a warning. Under
 * {@link io.mlformats.core.ErrorPolicy#SKIP_AND_COLLECT} a bad header in the middle of a random-access input is
 * recorded and reading resumes at the next record head.
 *
 * @param read      common reader options
 * @param multipart how multi-part records are reassembled
 */
public record RecordIoReadOptions(ReadOptions read, MultipartPolicy multipart) {
    private static final RecordIoReadOptions DEFAULTS =
            new RecordIoReadOptions(ReadOptions.defaults(), MultipartPolicy.DMLC);

    /**
     * Validates the fields.
     *
     * @param read      common reader options (mode, error policy, limits)
     * @param multipart how multi-part records are reassembled
     * @throws NullPointerException if either argument is {@code null}
     */
    public RecordIoReadOptions {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(multipart, "multipart");
    }

    /**
     * Strict, fail-fast, default limits, dmlc reassembly.
     *
     * @return the shared default options
     */
    public static RecordIoReadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * These options with other common reader options.
     *
     * @param r the common reader options to use (not {@code null})
     * @return new options with {@code r} and this multi-part policy
     */
    public RecordIoReadOptions withRead(ReadOptions r) {
        return new RecordIoReadOptions(r, multipart);
    }

    /**
     * These options with another multi-part policy.
     *
     * @param p the multi-part policy to use (not {@code null})
     * @return new options with {@code p} and these common reader options
     */
    public RecordIoReadOptions withMultipart(MultipartPolicy p) {
        return new RecordIoReadOptions(read, p);
    }
}

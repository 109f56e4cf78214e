package io.mlformats.recordio.protobuf;

import io.mlformats.core.ReadOptions;
import io.mlformats.recordio.RecordIoReadOptions;
import java.util.Objects;

/**
 * Options of {@link RecordProtobufReader}: the RecordIO framing options (common {@link ReadOptions}: strict or lenient, error
 * policy, limits; and the multi-part policy). Immutable and thread-safe.
 *
 * @param framing RecordIO framing options, see {@link RecordIoReadOptions}
 */
public record RecordProtobufReadOptions(RecordIoReadOptions framing) {
    private static final RecordProtobufReadOptions DEFAULTS = new RecordProtobufReadOptions(RecordIoReadOptions.defaults());

    /**
     * Validates the fields.
     *
     * @param framing RecordIO framing options (common reader options and multi-part policy)
     * @throws NullPointerException if {@code framing} is {@code null}
     */
    public RecordProtobufReadOptions {
        Objects.requireNonNull(framing, "framing");
    }

    /**
     * Strict, fail-fast, default limits, dmlc reassembly.
     *
     * @return the shared default options
     */
    public static RecordProtobufReadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The common reader options.
     *
     * @return the framing options' {@link RecordIoReadOptions#read()}
     */
    public ReadOptions read() {
        return framing.read();
    }

    /**
     * These options with other common reader options.
     *
     * @param r the common reader options to use (not {@code null})
     * @return new options with {@code r} and this multi-part policy
     */
    public RecordProtobufReadOptions withRead(ReadOptions r) {
        return new RecordProtobufReadOptions(framing.withRead(r));
    }

    /**
     * These options with other framing options.
     *
     * @param f the RecordIO framing options to use (not {@code null})
     * @return new options with {@code f}
     */
    public RecordProtobufReadOptions withFraming(RecordIoReadOptions f) {
        return new RecordProtobufReadOptions(f);
    }
}

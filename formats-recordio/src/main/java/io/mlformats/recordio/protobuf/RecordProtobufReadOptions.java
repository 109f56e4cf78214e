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

    /** Validates the fields. */
    public RecordProtobufReadOptions {
        Objects.requireNonNull(framing, "framing");
    }

    /** Strict, fail-fast, default limits, dmlc reassembly. */
    public static RecordProtobufReadOptions defaults() {
        return DEFAULTS;
    }

    /** The common reader options. */
    public ReadOptions read() {
        return framing.read();
    }

    /** These options with other common reader options. */
    public RecordProtobufReadOptions withRead(ReadOptions r) {
        return new RecordProtobufReadOptions(framing.withRead(r));
    }

    /** These options with other framing options. */
    public RecordProtobufReadOptions withFraming(RecordIoReadOptions f) {
        return new RecordProtobufReadOptions(f);
    }
}

package io.mlformats.recordio.image;

import io.mlformats.recordio.RecordIoWriteOptions;
import java.util.Objects;

/**
 * Options of {@link ImageRecordWriter}. Immutable and thread-safe.
 *
 * @param framing RecordIO framing options (dmlc splitting on by default, see {@link RecordIoWriteOptions}; gzip
 *                is {@link RecordIoWriteOptions#gzip()})
 * @param index   write the {@code .idx} beside a {@code .rec} file target (default {@code true}): the same name
 *                with the extension replaced by {@code .idx}, as {@code im2rec} names it; ignored for streams
 */
public record ImageRecordWriteOptions(RecordIoWriteOptions framing, boolean index) {
    private static final ImageRecordWriteOptions DEFAULTS =
            new ImageRecordWriteOptions(RecordIoWriteOptions.defaults(), true);

    /** Validates the fields. */
    public ImageRecordWriteOptions {
        Objects.requireNonNull(framing, "framing");
    }

    /** dmlc framing, no gzip, an {@code .idx} beside a file target. */
    public static ImageRecordWriteOptions defaults() {
        return DEFAULTS;
    }

    /** These options with other framing options. */
    public ImageRecordWriteOptions withFraming(RecordIoWriteOptions f) {
        return new ImageRecordWriteOptions(f, index);
    }

    /** These options with or without the {@code .idx} beside a file target. */
    public ImageRecordWriteOptions withIndex(boolean write) {
        return new ImageRecordWriteOptions(framing, write);
    }

    /** True if the {@code .rec} is gzip-compressed (a framing option). */
    public boolean gzip() {
        return framing.gzip();
    }

    /** These options with gzip compression on or off. */
    public ImageRecordWriteOptions withGzip(boolean compress) {
        return withFraming(framing.withGzip(compress));
    }
}

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

    /**
     * Validates the fields.
     *
     * @param framing RecordIO framing options (splitting, buffer size, gzip)
     * @param index   write the {@code .idx} beside a {@code .rec} file target
     * @throws NullPointerException if {@code framing} is {@code null}
     */
    public ImageRecordWriteOptions {
        Objects.requireNonNull(framing, "framing");
    }

    /**
     * dmlc framing, no gzip, an {@code .idx} beside a file target.
     *
     * @return the shared default options
     */
    public static ImageRecordWriteOptions defaults() {
        return DEFAULTS;
    }

    /**
     * These options with other framing options.
     *
     * @param f the RecordIO framing options to use (not {@code null})
     * @return new options with {@code f} and this index setting
     */
    public ImageRecordWriteOptions withFraming(RecordIoWriteOptions f) {
        return new ImageRecordWriteOptions(f, index);
    }

    /**
     * These options with or without the {@code .idx} beside a file target.
     *
     * @param write {@code true} to write the {@code .idx} beside a file target
     * @return new options with {@code write} and these framing options
     */
    public ImageRecordWriteOptions withIndex(boolean write) {
        return new ImageRecordWriteOptions(framing, write);
    }

    /**
     * True if the {@code .rec} is gzip-compressed (a framing option).
     *
     * @return the framing options' {@link RecordIoWriteOptions#gzip()}
     */
    public boolean gzip() {
        return framing.gzip();
    }

    /**
     * These options with gzip compression on or off.
     *
     * @param compress {@code true} to gzip-compress the {@code .rec} output
     * @return new options with the framing's gzip setting replaced and this index setting
     */
    public ImageRecordWriteOptions withGzip(boolean compress) {
        return withFraming(framing.withGzip(compress));
    }
}

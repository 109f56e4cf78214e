package io.mlformats.manifest;

import io.mlformats.core.ReadOptions;
import java.util.List;
import java.util.Objects;

/**
 * How an augmented manifest is read. Immutable.
 *
 * @param read              mode, error policy, limits
 * @param attributeNames    the channel's {@code AttributeNames}: each line must have all of them (a missing one is
 *                          the "Got empty batch from pipe" failure); {@code null} to accept any line
 * @param groundTruthLimits enforce Ground Truth's input-manifest limits: a line of at most 100,000 characters,
 *                          an attribute value of at most 20,000, names not starting with {@code $}
 */
public record ManifestReadOptions(ReadOptions read, List<String> attributeNames, boolean groundTruthLimits) {
    /** Ground Truth: characters per manifest line. */
    public static final int GROUND_TRUTH_MAX_LINE_CHARS = 100_000;
    /** Ground Truth: characters per attribute value. */
    public static final int GROUND_TRUTH_MAX_ATTRIBUTE_CHARS = 20_000;

    /** Validates and copies the arguments. */
    public ManifestReadOptions {
        Objects.requireNonNull(read, "read");
        attributeNames = attributeNames == null ? null : List.copyOf(attributeNames);
    }

    /** The same as {@link #any()}. */
    public static ManifestReadOptions defaults() {
        return any();
    }

    /** Every line, any attributes, no Ground Truth limits. */
    public static ManifestReadOptions any() {
        return new ManifestReadOptions(ReadOptions.defaults(), null, false);
    }

    /** Lines must carry these attributes (in this stream order). */
    public static ManifestReadOptions attributes(String... names) {
        return new ManifestReadOptions(ReadOptions.defaults(), List.of(names), false);
    }

    /** These options with other core read options. */
    public ManifestReadOptions withRead(ReadOptions r) {
        return new ManifestReadOptions(r, attributeNames, groundTruthLimits);
    }

    /** These options with (or without) Ground Truth's line and attribute size limits. */
    public ManifestReadOptions withGroundTruthLimits(boolean on) {
        return new ManifestReadOptions(read, attributeNames, on);
    }
}

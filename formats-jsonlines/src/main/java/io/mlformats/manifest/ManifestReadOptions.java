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

    /**
     * Validates and copies the arguments.
     *
     * @param read mode, error policy and limits; must not be null
     * @param attributeNames the attributes each line must have, copied; {@code null} to accept any line
     * @param groundTruthLimits true to enforce Ground Truth's line and attribute size limits
     */
    public ManifestReadOptions {
        Objects.requireNonNull(read, "read");
        attributeNames = attributeNames == null ? null : List.copyOf(attributeNames);
    }

    /**
     * The same as {@link #any()}.
     *
     * @return options that accept every line with any attributes and no Ground Truth limits
     */
    public static ManifestReadOptions defaults() {
        return any();
    }

    /**
     * Every line, any attributes, no Ground Truth limits.
     *
     * @return options with default core read options, no required attributes and no Ground Truth limits
     */
    public static ManifestReadOptions any() {
        return new ManifestReadOptions(ReadOptions.defaults(), null, false);
    }

    /**
     * Lines must carry these attributes (in this stream order).
     *
     * @param names the attribute names every line must have, in the order they are streamed
     * @return options with default core read options that require {@code names}
     */
    public static ManifestReadOptions attributes(String... names) {
        return new ManifestReadOptions(ReadOptions.defaults(), List.of(names), false);
    }

    /**
     * These options with other core read options.
     *
     * @param r the core read options (mode, error policy, limits) to use instead
     * @return a copy of these options with {@code r}
     */
    public ManifestReadOptions withRead(ReadOptions r) {
        return new ManifestReadOptions(r, attributeNames, groundTruthLimits);
    }

    /**
     * These options with (or without) Ground Truth's line and attribute size limits.
     *
     * @param on true to enforce Ground Truth's limits, false to lift them
     * @return a copy of these options with Ground Truth limits set to {@code on}
     */
    public ManifestReadOptions withGroundTruthLimits(boolean on) {
        return new ManifestReadOptions(read, attributeNames, on);
    }
}

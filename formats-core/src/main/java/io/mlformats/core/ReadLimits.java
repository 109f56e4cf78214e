package io.mlformats.core;

/**
 * Bounds that keep adversarial input from exhausting memory: over-long lines, huge declared record lengths,
 * gzip bombs, deeply nested JSON. Immutable and thread-safe; build with {@link #builder()}.
 *
 * <p>Every limit is checked <em>before</em> the memory it guards is allocated, and a violation is reported as a
 * {@link LimitExceededException} naming the limit and its value.
 *
 * <p><b>Boundaries.</b> Every limit is inclusive: a line, record, depth or count <em>equal</em> to its limit is
 * accepted, one more is refused ({@code maxLineBytes = 100} reads a 100-byte line and refuses a 101-byte one;
 * lengths exclude the line terminator and the RecordIO header and padding). {@link #maxCompressionRatio()} is
 * checked as whole decompressed bytes divided by compressed bytes consumed, once more than
 * {@link #RATIO_GRACE_BYTES} have been produced.
 *
 * <p><b>Memory.</b> Buffers grow geometrically with the bytes actually read, up to the limit, never to a length
 * the input merely declares. The defaults suit inputs up to hundreds of MiB per record and need a heap to match;
 * on a small heap, lower the limits. If the heap cannot provide a buffer the limits allow, the reader throws
 * {@link InsufficientMemoryException} (a {@link LimitExceededException}) with the record's location instead of
 * letting an {@link OutOfMemoryError} escape. {@code docs/LIMITS.md} lists every limit with the formats it
 * applies to.
 */
public final class ReadLimits {

    /** 64 MiB: a LibSVM or JSON Lines line longer than this is almost certainly not data. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 << 20;
    /** 256 MiB: the largest RecordIO payload accepted on read (the format's own cap is 2^29 - 1). */
    public static final int DEFAULT_MAX_RECORD_BYTES = 256 << 20;
    /** 1 TiB of decompressed output per gzip input. */
    public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 1L << 40;
    /** Decompressed/compressed ratio allowed once more than {@link #RATIO_GRACE_BYTES} have been produced. */
    public static final int DEFAULT_MAX_COMPRESSION_RATIO = 1_000;
    /** Below this much decompressed output the ratio is not checked: tiny files of zeros compress very well. */
    public static final long RATIO_GRACE_BYTES = 64L << 20;
    /** JSON nesting depth. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
    /** Elements in one array or vector (features per row, points per series, tokens per line). */
    public static final int DEFAULT_MAX_ARRAY_ELEMENTS = 100_000_000;
    /**
     * 10,000 entries in one protobuf map ({@code features} or {@code label} of a RecordIO-protobuf record). Real
     * records have one or a few ({@code "values"}); each entry costs a reusable tensor view of about 200 bytes,
     * while it takes only 2 bytes of input, so this count needs a bound of its own.
     */
    public static final int DEFAULT_MAX_MAP_ENTRIES = 10_000;

    private static final ReadLimits DEFAULTS = builder().build();

    private final int maxLineBytes;
    private final int maxRecordBytes;
    private final long maxDecompressedBytes;
    private final int maxCompressionRatio;
    private final int maxNestingDepth;
    private final int maxArrayElements;
    private final int maxMapEntries;

    private ReadLimits(Builder b) {
        this.maxLineBytes = b.maxLineBytes;
        this.maxRecordBytes = b.maxRecordBytes;
        this.maxDecompressedBytes = b.maxDecompressedBytes;
        this.maxCompressionRatio = b.maxCompressionRatio;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxArrayElements = b.maxArrayElements;
        this.maxMapEntries = b.maxMapEntries;
    }

    /**
     * The defaults documented on the constants of this class.
     *
     * @return the shared instance holding every default limit
     */
    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder whose every limit is the default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this object's values.
     *
     * @return a new builder holding this object's limits, for deriving changed limits
     */
    public Builder toBuilder() {
        return new Builder()
                .maxLineBytes(maxLineBytes)
                .maxRecordBytes(maxRecordBytes)
                .maxDecompressedBytes(maxDecompressedBytes)
                .maxCompressionRatio(maxCompressionRatio)
                .maxNestingDepth(maxNestingDepth)
                .maxArrayElements(maxArrayElements)
                .maxMapEntries(maxMapEntries);
    }

    /**
     * Longest accepted text line, in bytes.
     *
     * @return the maximum length of one line in bytes, terminator excluded
     */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /**
     * Longest accepted binary record (RecordIO payload, JSON document), in bytes.
     *
     * @return the maximum size of one binary record or document, in bytes
     */
    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /**
     * Most bytes a compressed input may expand to.
     *
     * @return the maximum number of decompressed bytes read from one compressed input
     */
    public long maxDecompressedBytes() {
        return maxDecompressedBytes;
    }

    /**
     * Highest accepted ratio of decompressed to compressed bytes (gzip bombs).
     *
     * @return the maximum decompressed-to-compressed byte ratio, checked past {@link #RATIO_GRACE_BYTES}
     */
    public int maxCompressionRatio() {
        return maxCompressionRatio;
    }

    /**
     * Deepest accepted JSON nesting.
     *
     * @return the maximum depth of nested JSON objects and arrays
     */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /**
     * Most elements accepted in one array (JSON arrays, tensors, feature lists).
     *
     * @return the maximum number of elements in one array, vector or feature list
     */
    public int maxArrayElements() {
        return maxArrayElements;
    }

    /**
     * Most entries accepted in one protobuf map (the {@code features} or {@code label} map of a RecordIO-protobuf
     * record).
     *
     * @return the maximum number of entries in one map
     */
    public int maxMapEntries() {
        return maxMapEntries;
    }

    @Override
    public String toString() {
        return "ReadLimits[maxLineBytes=" + maxLineBytes + ", maxRecordBytes=" + maxRecordBytes
                + ", maxDecompressedBytes=" + maxDecompressedBytes + ", maxCompressionRatio=" + maxCompressionRatio
                + ", maxNestingDepth=" + maxNestingDepth + ", maxArrayElements=" + maxArrayElements
                + ", maxMapEntries=" + maxMapEntries + "]";
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private int maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
        private long maxDecompressedBytes = DEFAULT_MAX_DECOMPRESSED_BYTES;
        private int maxCompressionRatio = DEFAULT_MAX_COMPRESSION_RATIO;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxArrayElements = DEFAULT_MAX_ARRAY_ELEMENTS;
        private int maxMapEntries = DEFAULT_MAX_MAP_ENTRIES;

        private Builder() {
        }

        /**
         * Sets {@link ReadLimits#maxLineBytes()}.
         *
         * @param v the longest accepted line in bytes, greater than 0
         * @return this builder
         * @throws IllegalArgumentException if {@code v <= 0}
         */
        public Builder maxLineBytes(int v) {
            this.maxLineBytes = positive("maxLineBytes", v);
            return this;
        }

        /**
         * Sets {@link ReadLimits#maxRecordBytes()}.
         *
         * @param v the largest accepted binary record in bytes, greater than 0
         * @return this builder
         * @throws IllegalArgumentException if {@code v <= 0}
         */
        public Builder maxRecordBytes(int v) {
            this.maxRecordBytes = positive("maxRecordBytes", v);
            return this;
        }

        /**
         * Sets {@link ReadLimits#maxDecompressedBytes()}.
         *
         * @param v the most bytes one compressed input may expand to, greater than 0
         * @return this builder
         * @throws IllegalArgumentException if {@code v <= 0}
         */
        public Builder maxDecompressedBytes(long v) {
            if (v <= 0) {
                throw new IllegalArgumentException("maxDecompressedBytes must be > 0: " + v);
            }
            this.maxDecompressedBytes = v;
            return this;
        }

        /**
         * Sets {@link ReadLimits#maxCompressionRatio()}.
         *
         * @param v the highest accepted decompressed-to-compressed ratio, greater than 0
         * @return this builder
         * @throws IllegalArgumentException if {@code v <= 0}
         */
        public Builder maxCompressionRatio(int v) {
            this.maxCompressionRatio = positive("maxCompressionRatio", v);
            return this;
        }

        /**
         * Sets {@link ReadLimits#maxNestingDepth()}.
         *
         * @param v the deepest accepted JSON nesting, greater than 0
         * @return this builder
         * @throws IllegalArgumentException if {@code v <= 0}
         */
        public Builder maxNestingDepth(int v) {
            this.maxNestingDepth = positive("maxNestingDepth", v);
            return this;
        }

        /**
         * Sets {@link ReadLimits#maxArrayElements()}.
         *
         * @param v the most elements accepted in one array, greater than 0
         * @return this builder
         * @throws IllegalArgumentException if {@code v <= 0}
         */
        public Builder maxArrayElements(int v) {
            this.maxArrayElements = positive("maxArrayElements", v);
            return this;
        }

        /**
         * Sets {@link ReadLimits#maxMapEntries()}.
         *
         * @param v the most entries accepted in one protobuf map, greater than 0
         * @return this builder
         * @throws IllegalArgumentException if {@code v <= 0}
         */
        public Builder maxMapEntries(int v) {
            this.maxMapEntries = positive("maxMapEntries", v);
            return this;
        }

        /**
         * The immutable limits.
         *
         * @return a new immutable {@link ReadLimits} holding the builder's current values
         */
        public ReadLimits build() {
            return new ReadLimits(this);
        }

        private static int positive(String name, int v) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be > 0: " + v);
            }
            return v;
        }
    }
}

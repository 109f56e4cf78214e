package io.mlformats.recordio.protobuf;

import io.mlformats.core.FormatException;
import io.mlformats.core.InsufficientMemoryException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.SourcePosition;
import io.mlformats.recordio.internal.ProtoWire;
import io.mlformats.core.text.Utf8;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, zero-copy view of one SageMaker {@code aialgs.data.Record} (the payload of a RecordIO-protobuf
 * record): the {@code features} and {@code label} maps of named {@link TensorView}s, and {@code uid},
 * {@code metadata}, {@code configuration}.
 *
 * <p>{@link #decode(ByteBuffer, int, int)} parses a payload in place: no message objects, no per-record
 * allocation once the view's arrays have grown to the data. The view refers to the payload bytes, so it is valid
 * until the payload buffer changes (for a reader: until its next {@code next()}). {@link #copy()} makes an
 * owned copy; {@link RecordMessages#toMessage(RecordView)} converts to the protobuf-java class.
 *
 * <p>Decoding follows protobuf-java for every input it accepts: packed and unpacked repeated fields, repeated
 * occurrences of a message field merged, the last member of the {@code Value} oneof winning, unknown fields
 * skipped. Map entries are kept in wire order; when a key repeats, lookups by name return the last entry, as the
 * map would. Malformed bytes raise {@link FormatException} with the offset. Counts the payload repeats are bounded
 * before they are stored: map entries by {@link ReadLimits#maxMapEntries()}, the values, keys, shape dimensions and
 * byte strings of one tensor by {@link ReadLimits#maxArrayElements()}, nested groups by
 * {@link ReadLimits#maxNestingDepth()} (the reader's limits; the defaults for a view used on its own), each a
 * {@link LimitExceededException}; a heap too small for what they allow is an {@link InsufficientMemoryException}.
 * Not thread-safe.
 */
public final class RecordView {
    /** The conventional key for features and labels: {@code features["values"]}, {@code label["values"]}. */
    public static final String VALUES = "values";

    private static final int MAX_GROUP_DEPTH = 64;

    private ByteBuffer buf;
    private int off;
    private int len;
    private final Entries features = new Entries(this);
    private final Entries labels = new Entries(this);
    private int uidOff = -1;
    private int uidLen;
    private int metaOff = -1;
    private int metaLen;
    private int confOff = -1;
    private int confLen;

    private String sourceName = "<payload>";
    private long baseOffset;
    private long recordIndex = -1;

    private ByteBuffer viewBase;
    private final FloatBuffer[] floatViews = new FloatBuffer[4];
    private final DoubleBuffer[] doubleViews = new DoubleBuffer[8];

    /** Bounds on counts the payload declares by repetition (map entries, tensor values, keys, shape). */
    private int maxMapEntries = ReadLimits.DEFAULT_MAX_MAP_ENTRIES;
    private int maxElements = ReadLimits.DEFAULT_MAX_ARRAY_ELEMENTS;
    /** Groups nest by recursion here: maxNestingDepth, but never deeper than {@link #MAX_GROUP_DEPTH}. */
    private int maxGroupDepth = MAX_GROUP_DEPTH;
    /** The array being grown and the limit allowing it, kept for the message if the heap cannot provide it. */
    long growingBytes;
    String growingLimit = "maxArrayElements";

    /** An empty view, ready for {@link #decode}. */
    public RecordView() {
    }

    /**
     * A new view over a copy of {@code payload}.
     *
     * @param payload a serialized {@code aialgs.data.Record} (a RecordIO payload, without framing); copied
     * @return a new view owning its copy of the bytes
     * @throws FormatException if the bytes are not a valid serialized record (offsets relative to the payload)
     */
    public static RecordView parse(byte[] payload) throws FormatException {
        RecordView v = new RecordView();
        v.decode(ByteBuffer.wrap(payload.clone()), 0, payload.length);
        return v;
    }

    /**
     * Decodes the serialized record at {@code buffer[offset, offset + length)} (absolute indexes; the buffer's
     * position, limit and byte order are ignored and not changed). Positions in errors are relative to the
     * payload unless the view is being filled by a reader.
     *
     * @param buffer buffer holding the payload; not copied: the view refers to it until the next decode, so its
     *               content must not change meanwhile
     * @param offset absolute index in {@code buffer} of the payload's first byte
     * @param length payload length in bytes
     * @throws FormatException if the bytes are not a valid serialized record; the view's content is then undefined
     *                         until the next successful decode
     */
    public void decode(ByteBuffer buffer, int offset, int length) throws FormatException {
        ByteBuffer b = buffer.order() == ByteOrder.LITTLE_ENDIAN ? buffer : buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.buf = b;
        this.off = offset;
        this.len = length;
        features.clear();
        labels.clear();
        uidOff = -1;
        metaOff = -1;
        confOff = -1;
        try {
            parseRecord(offset, offset + length);
        } catch (OutOfMemoryError e) {
            // Every growth within the limits records its size first, so the message can say what did not fit.
            throw new InsufficientMemoryException(SourcePosition.ofRecord(sourceName, baseOffset, recordIndex),
                    "decoding the record's tensors", growingBytes, growingLimit,
                    "maxMapEntries".equals(growingLimit) ? maxMapEntries : maxElements);
        }
    }

    /**
     * Decodes the bytes between {@code payload}'s position and limit.
     *
     * @param payload buffer whose remaining bytes are a serialized record; not copied and not changed (the view
     *                refers to it until the next decode)
     * @throws FormatException if the bytes are not a valid serialized record
     */
    public void decode(ByteBuffer payload) throws FormatException {
        decode(payload, payload.position(), payload.remaining());
    }

    /** Takes the counts bounds from the reader's limits (a view made by {@link #decode} alone uses the defaults). */
    void limits(ReadLimits limits) {
        this.maxMapEntries = limits.maxMapEntries();
        this.maxElements = limits.maxArrayElements();
        this.maxGroupDepth = Math.min(limits.maxNestingDepth(), MAX_GROUP_DEPTH);
    }

    /** The maxArrayElements this view decodes under (for messages about rows built from it). */
    int maxElements() {
        return maxElements;
    }

    void bindPosition(String source, long payloadOffsetInSource, long index) {
        this.sourceName = source;
        this.baseOffset = payloadOffsetInSource;
        this.recordIndex = index;
    }

    // ---------------------------------------------------------------- decoder

    private void parseRecord(int p, int end) throws FormatException {
        while (p < end) {
            int fieldAt = p;
            long tag = readTag(p, end);
            p += varintLen;
            switch ((int) tag) {
                case 0x0A:
                case 0x12: {
                    int l = readLength(p, end);
                    p += varintLen;
                    parseEntry(tag == 0x0A ? features : labels, fieldAt, p, p + l);
                    p += l;
                    break;
                }
                case 0x1A:
                case 0x22:
                case 0x2A: {
                    int l = readLength(p, end);
                    p += varintLen;
                    if (tag == 0x1A) {
                        uidOff = p;
                        uidLen = l;
                    } else if (tag == 0x22) {
                        metaOff = p;
                        metaLen = l;
                    } else {
                        confOff = p;
                        confLen = l;
                    }
                    p += l;
                    break;
                }
                default:
                    p = skipField(tag, p, end, 0);
            }
        }
    }

    private void parseEntry(Entries entries, int entryAt, int p, int end) throws FormatException {
        if (entries.count >= maxMapEntries) {
            throw new LimitExceededException(SourcePosition.ofRecord(sourceName, baseOffset + entryAt - off, recordIndex),
                    "maxMapEntries", maxMapEntries, "the " + (entries == features ? "features" : "label")
                    + " map with more than " + maxMapEntries + " entries");
        }
        TensorView t = entries.add(buf);
        int keyOff = 0;
        int keyLen = 0;
        while (p < end) {
            long tag = readTag(p, end);
            p += varintLen;
            if (tag == 0x0A) {
                keyLen = readLength(p, end);
                p += varintLen;
                keyOff = p;
                p += keyLen;
            } else if (tag == 0x12) {
                int l = readLength(p, end);
                p += varintLen;
                parseValue(t, p, p + l);
                p += l;
            } else {
                p = skipField(tag, p, end, 0);
            }
        }
        if (Utf8.firstInvalid(buf, keyOff, keyOff + keyLen) >= 0) {
            // protobuf-java validates UTF-8 in map keys (even in proto2) and rejects the message.
            throw error(keyOff, "map key is not valid UTF-8");
        }
        entries.setKey(keyOff, keyLen);
    }

    private void parseValue(TensorView t, int p, int end) throws FormatException {
        while (p < end) {
            long tag = readTag(p, end);
            p += varintLen;
            TensorType type;
            if (tag == 0x12) {
                type = TensorType.FLOAT32;
            } else if (tag == 0x1A) {
                type = TensorType.FLOAT64;
            } else if (tag == 0x3A) {
                type = TensorType.INT32;
            } else if (tag == 0x4A) {
                type = TensorType.BYTES;
            } else {
                p = skipField(tag, p, end, 0);
                continue;
            }
            int l = readLength(p, end);
            p += varintLen;
            if (t.type != type) {
                // A different oneof member replaces the previous one; the same member merges.
                t.reset(type, buf);
            }
            if (type == TensorType.BYTES) {
                parseBytes(t, p, p + l);
            } else {
                parseTensor(t, type, p, p + l);
            }
            p += l;
        }
    }

    private void parseTensor(TensorView t, TensorType type, int p, int end) throws FormatException {
        while (p < end) {
            int tagAt = p;
            long tag = readTag(p, end);
            p += varintLen;
            int field = (int) (tag >>> 3);
            int wire = (int) tag & 7;
            if (field == 1 && wire == ProtoWire.LEN) {
                int l = readLength(p, end);
                p += varintLen;
                int stop = p + l;
                if (type == TensorType.FLOAT32) {
                    if ((l & 3) != 0) {
                        throw error(p, "packed float32 values of " + l + " bytes; expected a multiple of 4");
                    }
                    elements(t.size(), l >> 2, p, "values");
                    t.addPackedFloats(p, l >> 2);
                } else if (type == TensorType.FLOAT64) {
                    if ((l & 7) != 0) {
                        throw error(p, "packed float64 values of " + l + " bytes; expected a multiple of 8");
                    }
                    elements(t.size(), l >> 3, p, "values");
                    t.addPackedDoubles(p, l >> 3);
                } else {
                    for (int q = p; q < stop; q += varintLen) {
                        elements(t.size(), 1, q, "values");
                        t.addInt((int) readVarint(q, stop));
                    }
                }
                p = stop;
            } else if (field == 1 && type == TensorType.FLOAT32 && wire == ProtoWire.FIXED32) {
                need(p, 4, end);
                elements(t.size(), 1, p, "values");
                t.addFloat(buf.getFloat(p));
                p += 4;
            } else if (field == 1 && type == TensorType.FLOAT64 && wire == ProtoWire.FIXED64) {
                need(p, 8, end);
                elements(t.size(), 1, p, "values");
                t.addDouble(buf.getDouble(p));
                p += 8;
            } else if (field == 1 && type == TensorType.INT32 && wire == ProtoWire.VARINT) {
                elements(t.size(), 1, p, "values");
                t.addInt((int) readVarint(p, end));
                p += varintLen;
            } else if ((field == 2 || field == 3) && wire == ProtoWire.LEN) {
                int l = readLength(p, end);
                p += varintLen;
                int stop = p + l;
                for (int q = p; q < stop; q += varintLen) {
                    keyOrShape(t, field, q);
                    long v = readVarint(q, stop);
                    if (field == 2) {
                        t.addKey(v);
                    } else {
                        t.addShape(v);
                    }
                }
                p = stop;
            } else if ((field == 2 || field == 3) && wire == ProtoWire.VARINT) {
                keyOrShape(t, field, p);
                long v = readVarint(p, end);
                p += varintLen;
                if (field == 2) {
                    t.addKey(v);
                } else {
                    t.addShape(v);
                }
            } else {
                p = skipField(tag, p, end, 0);
            }
            if (p < tagAt) {
                throw error(tagAt, "internal: decoder did not advance");
            }
        }
    }

    private void parseBytes(TensorView t, int p, int end) throws FormatException {
        while (p < end) {
            long tag = readTag(p, end);
            p += varintLen;
            if (tag == 0x0A || tag == 0x12) {
                int l = readLength(p, end);
                p += varintLen;
                if (tag == 0x0A) {
                    elements(t.size(), 1, p, "byte strings");
                    t.addBytes(p, l);
                } else {
                    t.setContentType(p, l);
                }
                p += l;
            } else {
                p = skipField(tag, p, end, 0);
            }
        }
    }

    private void keyOrShape(TensorView t, int field, int p) throws LimitExceededException {
        if (field == 2) {
            elements(t.keyCount(), 1, p, "keys");
        } else {
            elements(t.shapeSize(), 1, p, "shape dimensions");
        }
    }

    /** Refuses {@code more} elements after {@code have} in one tensor beyond {@code maxArrayElements}. */
    private void elements(int have, int more, int p, String what) throws LimitExceededException {
        if ((long) have + more > maxElements) {
            throw new LimitExceededException(SourcePosition.ofRecord(sourceName, baseOffset + p - off, recordIndex),
                    "maxArrayElements", maxElements, "a tensor of more than " + maxElements + " " + what);
        }
    }

    /** Skips an unknown field whose tag has been read; returns the index after it. */
    private int skipField(long tag, int p, int end, int depth) throws FormatException {
        int field = (int) (tag >>> 3);
        if (field == 0) {
            throw error(p, "invalid tag " + tag + " (field number 0)");
        }
        switch ((int) tag & 7) {
            case ProtoWire.VARINT:
                readVarint(p, end);
                return p + varintLen;
            case ProtoWire.FIXED64:
                need(p, 8, end);
                return p + 8;
            case ProtoWire.LEN: {
                int l = readLength(p, end);
                return p + varintLen + l;
            }
            case ProtoWire.FIXED32:
                need(p, 4, end);
                return p + 4;
            case ProtoWire.START_GROUP: {
                if (depth >= maxGroupDepth) {
                    throw new LimitExceededException(SourcePosition.ofRecord(sourceName, baseOffset + p - off,
                            recordIndex), "maxNestingDepth", maxGroupDepth, "protobuf groups nested deeper than "
                            + maxGroupDepth + (maxGroupDepth == MAX_GROUP_DEPTH ? " (the decoder's own bound)" : ""));
                }
                while (true) {
                    if (p >= end) {
                        throw error(p, "unterminated group of field " + field);
                    }
                    long t = readTag(p, end);
                    p += varintLen;
                    if ((t & 7) == ProtoWire.END_GROUP) {
                        if ((t >>> 3) != field) {
                            throw error(p, "end-group tag of field " + (t >>> 3) + " closes a group of field " + field);
                        }
                        return p;
                    }
                    p = skipField(t, p, end, depth + 1);
                }
            }
            default:
                throw error(p, "invalid wire type " + (tag & 7) + " in tag " + tag);
        }
    }

    /** Notes the size of an allocation about to be made, for {@link InsufficientMemoryException}'s message. */
    void growing(long bytes, String limit) {
        growingBytes = bytes;
        growingLimit = limit;
    }

    /** Length of the varint read last (decoder scratch; the decoder is single-threaded). */
    private int varintLen;

    private long readVarint(int p, int end) throws FormatException {
        long v = 0;
        for (int i = 0; i < 10; i++) {
            if (p + i >= end) {
                throw error(p, "truncated varint");
            }
            byte b = buf.get(p + i);
            v |= (long) (b & 0x7F) << (7 * i);
            if (b >= 0) {
                varintLen = i + 1;
                return v;
            }
        }
        throw error(p, "varint longer than 10 bytes");
    }

    /** A tag: like protobuf-java, a varint of up to 10 bytes truncated to its low 32 bits. */
    private long readTag(int p, int end) throws FormatException {
        return readVarint(p, end) & 0xFFFFFFFFL;
    }

    private int readLength(int p, int end) throws FormatException {
        long l = readVarint(p, end);
        if (l < 0 || l > end - p - varintLen) {
            throw error(p, "length " + Long.toUnsignedString(l) + " exceeds the " + (end - p - varintLen)
                    + " bytes left in the enclosing message");
        }
        return (int) l;
    }

    private void need(int p, int n, int end) throws FormatException {
        if (end - p < n) {
            throw error(p, "truncated fixed-width value: " + n + " bytes needed, " + (end - p) + " left");
        }
    }

    private FormatException error(int p, String detail) {
        long rel = p - off;
        return new FormatException(SourcePosition.ofRecord(sourceName, baseOffset + rel, recordIndex),
                "malformed Record protobuf at payload byte " + rel + ": " + detail);
    }

    // ---------------------------------------------------------------- bulk views (shared by the tensors)

    FloatBuffer floatView(ByteBuffer b, int at) {
        checkViewBase(b);
        int a = at & 3;
        if (floatViews[a] == null) {
            floatViews[a] = b.duplicate().clear().position(a).slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        }
        return floatViews[a];
    }

    DoubleBuffer doubleView(ByteBuffer b, int at) {
        checkViewBase(b);
        int a = at & 7;
        if (doubleViews[a] == null) {
            doubleViews[a] = b.duplicate().clear().position(a).slice().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        }
        return doubleViews[a];
    }

    private void checkViewBase(ByteBuffer b) {
        if (b != viewBase) {
            viewBase = b;
            Arrays.fill(floatViews, null);
            Arrays.fill(doubleViews, null);
        }
    }

    // ---------------------------------------------------------------- accessors

    /**
     * Number of entries in the {@code features} map (in wire order).
     *
     * @return the number of feature entries, counting repeated keys separately
     */
    public int featureCount() {
        return features.count;
    }

    /**
     * Name of feature entry {@code i} (allocates a String).
     *
     * @param i entry index, {@code 0 <= i < featureCount()}
     * @return the entry's key, decoded as UTF-8
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public String featureName(int i) {
        return features.name(i);
    }

    /**
     * Whether feature entry {@code i} is named {@code name} (no allocation for ASCII names).
     *
     * @param i    entry index, {@code 0 <= i < featureCount()}
     * @param name the key to compare with (compared as UTF-8 bytes)
     * @return {@code true} if the entry's key equals {@code name}
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public boolean featureNameIs(int i, String name) {
        return features.nameIs(i, name);
    }

    /**
     * Tensor of feature entry {@code i}.
     *
     * @param i entry index, {@code 0 <= i < featureCount()}
     * @return the entry's reused tensor view (type {@link TensorType#NONE} if the entry has no value), valid until
     *         the next decode
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public TensorView feature(int i) {
        return features.tensor(i);
    }

    /**
     * The feature named {@code name} (the last entry with that name), or null.
     *
     * @param name the map key to look up
     * @return the entry's reused tensor view, valid until the next decode, or {@code null} if no entry has that key
     */
    public TensorView feature(String name) {
        return features.find(name);
    }

    /**
     * Shortcut for {@code feature("values")}, the key every SageMaker algorithm reads.
     *
     * @return the reused tensor view of {@code features["values"]}, or {@code null} if absent
     */
    public TensorView features() {
        return features.find(VALUES);
    }

    /**
     * Number of entries in the {@code label} map.
     *
     * @return the number of label entries (in wire order), counting repeated keys separately
     */
    public int labelCount() {
        return labels.count;
    }

    /**
     * Name of label entry {@code i} (allocates a String).
     *
     * @param i entry index, {@code 0 <= i < labelCount()}
     * @return the entry's key, decoded as UTF-8
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public String labelName(int i) {
        return labels.name(i);
    }

    /**
     * Whether label entry {@code i} is named {@code name}.
     *
     * @param i    entry index, {@code 0 <= i < labelCount()}
     * @param name the key to compare with (compared as UTF-8 bytes)
     * @return {@code true} if the entry's key equals {@code name}
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public boolean labelNameIs(int i, String name) {
        return labels.nameIs(i, name);
    }

    /**
     * Tensor of label entry {@code i}.
     *
     * @param i entry index, {@code 0 <= i < labelCount()}
     * @return the entry's reused tensor view (type {@link TensorType#NONE} if the entry has no value), valid until
     *         the next decode
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public TensorView label(int i) {
        return labels.tensor(i);
    }

    /**
     * The label named {@code name} (the last entry with that name), or null.
     *
     * @param name the map key to look up
     * @return the entry's reused tensor view, valid until the next decode, or {@code null} if no entry has that key
     */
    public TensorView label(String name) {
        return labels.find(name);
    }

    /**
     * Shortcut for {@code label("values")}.
     *
     * @return the reused tensor view of {@code label["values"]}, or {@code null} if absent
     */
    public TensorView label() {
        return labels.find(VALUES);
    }

    /**
     * True if the record has a uid.
     *
     * @return {@code true} if the {@code uid} field is present
     */
    public boolean hasUid() {
        return uidOff >= 0;
    }

    /**
     * The uid, or null (allocates).
     *
     * @return the {@code uid} field decoded as UTF-8, or {@code null} when absent
     */
    public String uid() {
        return uidOff < 0 ? null : utf8(buf, uidOff, uidLen);
    }

    /**
     * True if the record has metadata.
     *
     * @return {@code true} if the {@code metadata} field is present
     */
    public boolean hasMetadata() {
        return metaOff >= 0;
    }

    /**
     * The metadata, or null (allocates).
     *
     * @return the {@code metadata} field decoded as UTF-8, or {@code null} when absent
     */
    public String metadata() {
        return metaOff < 0 ? null : utf8(buf, metaOff, metaLen);
    }

    /**
     * True if the record has a configuration.
     *
     * @return {@code true} if the {@code configuration} field is present
     */
    public boolean hasConfiguration() {
        return confOff >= 0;
    }

    /**
     * The configuration, or null (allocates).
     *
     * @return the {@code configuration} field decoded as UTF-8, or {@code null} when absent
     */
    public String configuration() {
        return confOff < 0 ? null : utf8(buf, confOff, confLen);
    }

    /**
     * The payload this view decodes: its buffer (little-endian, absolute indexes).
     *
     * @return the buffer holding the payload (not a copy; do not modify), or {@code null} before the first decode
     */
    public ByteBuffer payloadBuffer() {
        return buf;
    }

    /**
     * Index of the payload's first byte in {@link #payloadBuffer()}.
     *
     * @return an absolute index into {@link #payloadBuffer()}
     */
    public int payloadOffset() {
        return off;
    }

    /**
     * Length of the payload in bytes.
     *
     * @return the size of the serialized record
     */
    public int payloadLength() {
        return len;
    }

    /**
     * A copy of the payload bytes.
     *
     * @return a new array owned by the caller, holding the serialized record
     */
    public byte[] payloadBytes() {
        byte[] out = new byte[len];
        buf.get(off, out, 0, len);
        return out;
    }

    /**
     * An independent view over a copy of the payload, valid after this view moves on.
     *
     * @return a new view owning a copy of the payload
     */
    public RecordView copy() {
        try {
            RecordView v = new RecordView();
            v.maxMapEntries = maxMapEntries;
            v.maxElements = maxElements;
            v.maxGroupDepth = maxGroupDepth;
            v.decode(ByteBuffer.wrap(payloadBytes()).order(ByteOrder.LITTLE_ENDIAN), 0, len);
            return v;
        } catch (FormatException e) {
            throw new IllegalStateException("payload decoded once and failed the second time", e);
        }
    }

    // package-private, for the encoder
    int uidOffset() {
        return uidOff;
    }

    int uidLength() {
        return uidLen;
    }

    int metadataOffset() {
        return metaOff;
    }

    int metadataLength() {
        return metaLen;
    }

    int configurationOffset() {
        return confOff;
    }

    int configurationLength() {
        return confLen;
    }

    Entries featureEntries() {
        return features;
    }

    Entries labelEntries() {
        return labels;
    }

    static String utf8(ByteBuffer b, int at, int n) {
        byte[] a = new byte[n];
        b.get(at, a, 0, n);
        return new String(a, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Record{features={");
        for (int i = 0; i < features.count; i++) {
            sb.append(i > 0 ? ", " : "").append(featureName(i)).append('=').append(feature(i));
        }
        sb.append("}, label={");
        for (int i = 0; i < labels.count; i++) {
            sb.append(i > 0 ? ", " : "").append(labelName(i)).append('=').append(label(i));
        }
        sb.append('}');
        if (hasUid()) {
            sb.append(", uid=").append(uid());
        }
        if (hasMetadata()) {
            sb.append(", metadata=").append(metadata());
        }
        if (hasConfiguration()) {
            sb.append(", configuration=").append(configuration());
        }
        return sb.append('}').toString();
    }

    /** One map field: entries in wire order, tensors pooled across records. */
    static final class Entries {
        private final RecordView owner;
        int count;
        int[] keyOff = new int[4];
        int[] keyLen = new int[4];
        TensorView[] tensors = new TensorView[0];

        Entries(RecordView owner) {
            this.owner = owner;
        }

        void clear() {
            count = 0;
        }

        TensorView add(ByteBuffer b) {
            if (count == tensors.length) {
                int cap = Math.max(2, count * 2);
                owner.growing(cap * 16L, "maxMapEntries");
                tensors = Arrays.copyOf(tensors, cap);
                keyOff = Arrays.copyOf(keyOff, cap);
                keyLen = Arrays.copyOf(keyLen, cap);
            }
            if (tensors[count] == null) {
                owner.growing(256, "maxMapEntries");
                tensors[count] = new TensorView(owner);
            }
            TensorView t = tensors[count];
            t.reset(TensorType.NONE, b);
            keyOff[count] = 0;
            keyLen[count] = 0;
            count++;
            return t;
        }

        void setKey(int o, int l) {
            keyOff[count - 1] = o;
            keyLen[count - 1] = l;
        }

        String name(int i) {
            java.util.Objects.checkIndex(i, count);
            return utf8(owner.buf, keyOff[i], keyLen[i]);
        }

        TensorView tensor(int i) {
            java.util.Objects.checkIndex(i, count);
            return tensors[i];
        }

        boolean nameIs(int i, String name) {
            java.util.Objects.checkIndex(i, count);
            int l = keyLen[i];
            int o = keyOff[i];
            int n = name.length();
            boolean ascii = true;
            for (int k = 0; k < n; k++) {
                if (name.charAt(k) >= 0x80) {
                    ascii = false;
                    break;
                }
            }
            if (!ascii) {
                byte[] enc = name.getBytes(StandardCharsets.UTF_8);
                if (enc.length != l) {
                    return false;
                }
                for (int k = 0; k < l; k++) {
                    if (owner.buf.get(o + k) != enc[k]) {
                        return false;
                    }
                }
                return true;
            }
            if (n != l) {
                return false;
            }
            for (int k = 0; k < n; k++) {
                if (owner.buf.get(o + k) != (byte) name.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        TensorView find(String name) {
            for (int i = count - 1; i >= 0; i--) {
                if (nameIs(i, name)) {
                    return tensors[i];
                }
            }
            return null;
        }
    }
}

package io.mlformats.parquet.internal;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet page codecs without Hadoop: UNCOMPRESSED, SNAPPY (snappy-java), ZSTD (zstd-jni) and GZIP
 * (java.util.zip). Parquet's stock {@code CodecFactory} loads Hadoop classes even for UNCOMPRESSED, so writing
 * without Hadoop jars needs this (see ecosystem-notes §1.3). Stateless and thread-safe.
 */
public final class HadoopFreeCodecs implements CompressionCodecFactory {
    /** zstd level 3 is the library default and what pyarrow uses. */
    private static final int ZSTD_LEVEL = 3;
    /** Deflate expands at most 1032:1 (RFC 1951: a 258-byte match in under two bits), plus header slack. */
    private static final long DEFLATE_MAX_RATIO = 1032;

    private final int maxPageBytes;

    /** Codecs for writing, and for reading without a page bound beyond the codecs' own checks. */
    public HadoopFreeCodecs() {
        this(Integer.MAX_VALUE);
    }

    /**
     * Codecs for reading that refuse a page whose header declares more than {@code maxPageBytes} uncompressed
     * bytes, before anything is allocated for it.
     *
     * @param maxPageBytes the largest uncompressed page accepted (the reader's {@code maxRecordBytes})
     */
    public HadoopFreeCodecs(int maxPageBytes) {
        this.maxPageBytes = maxPageBytes;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new Compressor(checkSupported(codec));
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new Decompressor(checkSupported(codec), maxPageBytes);
    }

    @Override
    public void release() {
        // Nothing pooled.
    }

    /** True if this factory can compress and decompress pages of {@code codec}. */
    public static boolean supports(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED, SNAPPY, ZSTD, GZIP -> true;
            default -> false;
        };
    }

    private static CompressionCodecName checkSupported(CompressionCodecName codec) {
        if (!supports(codec)) {
            throw new UnsupportedCodecException(codec);
        }
        return codec;
    }

    /** A page uses a codec this factory lacks (LZO, BROTLI, LZ4). */
    public static final class UnsupportedCodecException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedCodecException(CompressionCodecName codec) {
            super("unsupported Parquet compression codec " + codec
                    + " (supported: UNCOMPRESSED, SNAPPY, ZSTD, GZIP)");
        }
    }

    private static byte[] compress(CompressionCodecName codec, byte[] in) throws IOException {
        return switch (codec) {
            case SNAPPY -> Snappy.compress(in);
            case ZSTD -> Zstd.compress(in, ZSTD_LEVEL);
            case GZIP -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, in.length / 2));
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(in);
                }
                yield out.toByteArray();
            }
            default -> in;
        };
    }

    /**
     * Refuses a page size the header declares but the compressed bytes cannot hold, before the output is
     * allocated: a damaged page header must not make the reader allocate what it says (fuzzing finding F5).
     */
    private static void checkDeclaredSize(CompressionCodecName codec, byte[] in, int inLen, int uncompressedSize,
            int maxPageBytes) throws IOException {
        if (uncompressedSize < 0) {
            throw new IOException("negative uncompressed page size " + uncompressedSize);
        }
        if (uncompressedSize > maxPageBytes) {
            throw new IOException("a page declares " + uncompressedSize + " uncompressed bytes, more than the limit "
                    + "maxRecordBytes = " + maxPageBytes);
        }
        boolean fits = switch (codec) {
            case SNAPPY -> Snappy.isValidCompressedBuffer(in, 0, inLen)
                    && Snappy.uncompressedLength(in, 0, inLen) == uncompressedSize;
            case ZSTD -> {
                long declared = Zstd.getFrameContentSize(in, 0, inLen); // -1: the frame does not say; -2: no frame
                yield declared == -1 || declared == uncompressedSize;
            }
            case GZIP -> uncompressedSize <= (long) inLen * DEFLATE_MAX_RATIO;
            default -> true;
        };
        if (!fits) {
            throw new IOException("corrupt " + codec + " page: " + inLen + " compressed bytes cannot hold the "
                    + uncompressedSize + " bytes its header declares");
        }
    }

    private static byte[] decompress(CompressionCodecName codec, byte[] in, int inLen, int uncompressedSize,
            int maxPageBytes) throws IOException {
        checkDeclaredSize(codec, in, inLen, uncompressedSize, maxPageBytes);
        byte[] out = new byte[uncompressedSize];
        switch (codec) {
            case SNAPPY -> Snappy.uncompress(in, 0, inLen, out, 0);
            case ZSTD -> {
                long n = Zstd.decompressByteArray(out, 0, uncompressedSize, in, 0, inLen);
                if (Zstd.isError(n) || n != uncompressedSize) {
                    throw new IOException("corrupt ZSTD page (expected " + uncompressedSize + " bytes)");
                }
            }
            case GZIP -> {
                try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(in, 0, inLen))) {
                    int n = gz.readNBytes(out, 0, uncompressedSize);
                    if (n != uncompressedSize || gz.read() != -1) {
                        throw new IOException("corrupt GZIP page (expected " + uncompressedSize + " bytes)");
                    }
                }
            }
            default -> {
                if (inLen != uncompressedSize) {
                    throw new IOException("uncompressed page of " + inLen + " bytes, header says " + uncompressedSize);
                }
                System.arraycopy(in, 0, out, 0, inLen);
            }
        }
        return out;
    }

    private record Compressor(CompressionCodecName codec) implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            return BytesInput.from(HadoopFreeCodecs.compress(codec, bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
        }
    }

    private record Decompressor(CompressionCodecName codec, int maxPageBytes) implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            byte[] in = bytes.toByteArray();
            return BytesInput.from(HadoopFreeCodecs.decompress(codec, in, in.length, uncompressedSize, maxPageBytes));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            output.put(HadoopFreeCodecs.decompress(codec, in, compressedSize, uncompressedSize, maxPageBytes));
        }

        @Override
        public void release() {
        }
    }
}

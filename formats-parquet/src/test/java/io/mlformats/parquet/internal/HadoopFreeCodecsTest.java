package io.mlformats.parquet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/**
 * A page header's uncompressed size is checked against the compressed bytes and the page bound before the output
 * is allocated (fuzzing finding F5: a damaged header of a few-KiB file declared ~2 GiB and the reader allocated it).
 */
class HadoopFreeCodecsTest {
    private static final byte[] TEXT = "a page of values, a page of values, a page of values".getBytes(StandardCharsets.US_ASCII);

    private static BytesInput compressed(CompressionCodecName codec) throws IOException {
        return new HadoopFreeCodecs().getCompressor(codec).compress(BytesInput.from(TEXT));
    }

    @Test
    void everyCodecRoundTripsAPageOfItsDeclaredSize() throws IOException {
        for (CompressionCodecName c : new CompressionCodecName[] {CompressionCodecName.SNAPPY,
            CompressionCodecName.ZSTD, CompressionCodecName.GZIP}) {
            BytesInputDecompressor d = new HadoopFreeCodecs(TEXT.length).getDecompressor(c);
            assertArrayEquals(TEXT, d.decompress(compressed(c), TEXT.length).toByteArray(), c.name());
        }
    }

    @Test
    void aDeclaredSizeTheCompressedBytesCannotHoldIsRefusedBeforeAllocation() throws IOException {
        int huge = Integer.MAX_VALUE - 16; // allocating this would fail on any test heap
        for (CompressionCodecName c : new CompressionCodecName[] {CompressionCodecName.SNAPPY,
            CompressionCodecName.ZSTD, CompressionCodecName.GZIP}) {
            BytesInput page = compressed(c);
            long n = page.size();
            IOException e = assertThrows(IOException.class,
                    () -> new HadoopFreeCodecs().getDecompressor(c).decompress(page, huge), c.name());
            assertEquals("corrupt " + c + " page: " + n + " compressed bytes cannot hold the " + huge
                    + " bytes its header declares", e.getMessage());
        }
    }

    @Test
    void aDeclaredSizeOverThePageBoundIsRefusedAtTheBoundPlusOne() throws IOException {
        BytesInput page = compressed(CompressionCodecName.GZIP);
        assertArrayEquals(TEXT, new HadoopFreeCodecs(TEXT.length).getDecompressor(CompressionCodecName.GZIP)
                .decompress(page, TEXT.length).toByteArray());
        IOException e = assertThrows(IOException.class, () -> new HadoopFreeCodecs(TEXT.length - 1)
                .getDecompressor(CompressionCodecName.GZIP).decompress(compressed(CompressionCodecName.GZIP),
                        TEXT.length));
        assertEquals("a page declares " + TEXT.length + " uncompressed bytes, more than the limit maxRecordBytes = "
                + (TEXT.length - 1), e.getMessage());
    }
}

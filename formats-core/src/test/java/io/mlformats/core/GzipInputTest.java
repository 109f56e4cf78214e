package io.mlformats.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.testkit.AdversarialInputs;
import io.mlformats.testkit.Seeds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GzipInputTest {

    static byte[] readAll(ByteInput in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[777];
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ("0123456789 :.\n".charAt(r.nextInt(14)));
        }
        return b;
    }

    @Test
    void concatenatedMembersAreReadFullyEvenOneBytePerRead() throws IOException {
        byte[] data = random(200_000, Seeds.base());
        for (int members : new int[] {1, 2, 7}) {
            byte[] gz = AdversarialInputs.gzipMembers(data, members);
            // java.util.zip.GZIPInputStream stops after the first member on such streams; we must not.
            ByteInput in = ByteSources.stream(AdversarialInputs.oneBytePerRead(gz), "f.gz", ReadLimits.defaults());
            assertArrayEquals(data, readAll(in), members + " members");
            assertEquals(data.length, in.position());
        }
    }

    @Test
    void gzipIsDetectedByContentForFilesAndSources(@TempDir Path dir) throws IOException {
        byte[] data = random(10_000, 7);
        Path f = AdversarialInputs.file(dir, "no-gz-suffix.txt", AdversarialInputs.gzip(data));
        assertTrue(ByteSources.isGzip(f));
        assertArrayEquals(data, readAll(ByteSources.open(f)));
        assertArrayEquals(data, readAll(ByteSources.input(ByteSources.of(AdversarialInputs.gzip(data)),
                ReadLimits.defaults())));
        Path plain = AdversarialInputs.file(dir, "plain.gz", data);
        assertArrayEquals(data, readAll(ByteSources.open(plain)));
    }

    @Test
    void headerFieldsAreSkipped() throws IOException {
        byte[] data = "1 0:1\n".getBytes();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write(new byte[] {0x1f, (byte) 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3});
        raw.write(new byte[] {3, 0, 'a', 'b', 'c'}); // FEXTRA
        raw.write("name.svm\0".getBytes()); // FNAME
        raw.write("a comment\0".getBytes()); // FCOMMENT
        raw.write(new byte[] {0, 0}); // FHCRC (not verified)
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try (DeflaterOutputStream ds = new DeflaterOutputStream(raw, d)) {
            ds.write(data);
            ds.finish();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(data);
            long c = crc.getValue();
            raw.write(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24), 6, 0, 0, 0});
        }
        assertArrayEquals(data, readAll(ByteSources.stream(new ByteArrayInputStream(raw.toByteArray()), "x",
                ReadLimits.defaults())));
    }

    @Test
    void truncatedStreamIsATruncationErrorWithTheCompressedOffset() throws IOException {
        byte[] gz = AdversarialInputs.gzip(random(50_000, 3));
        for (int cut : new int[] {3, 10, gz.length / 2, gz.length - 4, gz.length - 1}) {
            byte[] part = Arrays.copyOf(gz, cut);
            ByteInput in = ByteSources.stream(new ByteArrayInputStream(part), "cut.gz", ReadLimits.defaults());
            TruncatedInputException e = assertThrows(TruncatedInputException.class, () -> readAll(in), "cut " + cut);
            assertTrue(e.position().byteOffset() <= cut, e.getMessage());
            assertTrue(e.getMessage().startsWith("cut.gz (gzip, compressed offset):"), e.getMessage());
        }
    }

    @Test
    void corruptCrcAndTrailingGarbageAreErrors() throws IOException {
        byte[] gz = AdversarialInputs.gzip(random(1000, 4));
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 1;
        FormatException e = assertThrows(FormatException.class,
                () -> readAll(ByteSources.stream(new ByteArrayInputStream(badCrc), "a.gz", ReadLimits.defaults())));
        assertTrue(e.detail().contains("CRC-32 mismatch"), e.getMessage());
        assertEquals(gz.length - 8, e.position().byteOffset());

        byte[] garbage = Arrays.copyOf(gz, gz.length + 3);
        FormatException g = assertThrows(FormatException.class,
                () -> readAll(ByteSources.stream(new ByteArrayInputStream(garbage), "a.gz", ReadLimits.defaults())));
        assertTrue(g.detail().contains("trailing garbage"), g.getMessage());
        assertEquals(gz.length, g.position().byteOffset());
    }

    @Test
    void gzipBombIsStoppedByTheRatioLimitWithoutBufferingTheOutput() throws IOException {
        // 200 MB of zeros compresses to ~200 KB: ratio ~1000. A limit of 100 trips after the 64 MB grace.
        InputStream bomb = bombStream(200L << 20);
        ReadLimits limits = ReadLimits.builder().maxCompressionRatio(100).build();
        ByteInput in = ByteSources.stream(bomb, "bomb.gz", limits);
        long heapBefore = usedHeap();
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> drain(in));
        assertEquals("maxCompressionRatio", e.limitName());
        assertEquals(100, e.limitValue());
        assertTrue(in.position() < (70L << 20), "decompressed " + in.position());
        assertTrue(usedHeap() - heapBefore < (32L << 20), "the output must be streamed, not buffered");
    }

    @Test
    void decompressedSizeLimit() throws IOException {
        ReadLimits limits = ReadLimits.builder().maxDecompressedBytes(1 << 20).build();
        ByteInput in = ByteSources.stream(bombStream(4L << 20), "z.gz", limits);
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> drain(in));
        assertEquals("maxDecompressedBytes", e.limitName());
        assertTrue(e.getMessage().contains("1048576"), e.getMessage());
    }

    private static void drain(ByteInput in) throws IOException {
        byte[] buf = new byte[1 << 16];
        while (in.read(buf, 0, buf.length) >= 0) {
            // discard
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static InputStream bombStream(long zeros) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            byte[] chunk = new byte[1 << 20];
            for (long done = 0; done < zeros; done += chunk.length) {
                gz.write(chunk);
            }
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}

package io.mlformats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.FormatException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.vector.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.ParquetDecodingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16, item 4: damaged Parquet files ended as parquet-java's unchecked exceptions (exit 4 in the CLI), a
 * footer of nested Thrift structs as a StackOverflowError, and messages named the file {@code LocalInputFile@hash}.
 * Every case is now a {@link FormatException} naming the file and where. The damaged files are one bit flip of a
 * small file our writer makes, at positions drawn from fixed seeds (each seed checked to hit the cause named).
 */
class CorruptParquetTest {
    @TempDir
    Path dir;

    /** 20 dense float32 rows of width 3, uncompressed (so that a bit flip reaches the page decoders). */
    private byte[] smallFile() throws IOException {
        Path file = dir.resolve("good.parquet");
        SplittableRandom rnd = new SplittableRandom(7);
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(file, ParquetFeatureWriteOptions.defaults()
                .withCompression(ParquetCompression.UNCOMPRESSED))) {
            for (int i = 0; i < 20; i++) {
                w.write(FeatureRows.dense(rnd, ValueType.FLOAT32, 3, false));
            }
            w.commit();
        }
        return Files.readAllBytes(file);
    }

    /** The file with one bit flipped at the position and bit {@code seed} draws. */
    private Path mutant(int seed) throws IOException {
        byte[] d = smallFile();
        SplittableRandom r = new SplittableRandom(seed);
        int pos = r.nextInt(4, d.length - 8);
        d[pos] ^= (byte) (1 << r.nextInt(8));
        return Files.write(dir.resolve("m" + seed + ".parquet"), d);
    }

    private static void readAll(ParquetFeatureReader r) throws IOException {
        while (r.next()) {
            r.current();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "16, org.apache.parquet.io.ParquetDecodingException, could not read page",
        "580, java.lang.IllegalArgumentException, bitWidth must be >= 0 and <= 32",
        "355, java.lang.NegativeArraySizeException, NegativeArraySizeException",
        "323, java.lang.UnsupportedOperationException, RLE does not support dictionary",
    })
    void damagedPageIsLocatedFormatException(int seed, String cause, String text) throws Exception {
        Path file = mutant(seed);
        try (ParquetFeatureReader r = ParquetFeatureReader.open(file)) {
            FormatException e = assertThrows(FormatException.class, () -> readAll(r));
            assertEquals(Class.forName(cause), e.getCause().getClass(), e.getMessage());
            assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
            assertTrue(e.getMessage().contains("corrupt Parquet data in row group 0: "), e.getMessage());
            assertTrue(e.getMessage().contains(text), e.getMessage());
            assertTrue(e.getMessage().contains("expected pages that decode"), e.getMessage());
            assertEquals(0, e.position().recordIndex(), "the first row of the group cannot be assembled");
            assertEquals(4, e.position().byteOffset(), "the row group starts after the leading PAR1");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "831, java.lang.ClassCastException",
        "408, java.util.NoSuchElementException",
        "664, java.lang.IllegalArgumentException",
    })
    void damagedFooterIsLocatedFormatException(int seed, String cause) throws Exception {
        byte[] good = smallFile();
        int footerLength = (good[good.length - 8] & 0xFF) | (good[good.length - 7] & 0xFF) << 8;
        Path file = mutant(seed);
        FormatException e = assertThrows(FormatException.class, () -> ParquetFeatureReader.open(file));
        assertEquals(Class.forName(cause), e.getCause().getClass(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":" + (good.length - 8 - footerLength) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("its footer (file metadata) is damaged"), e.getMessage());
        assertFalse(e.getMessage().contains("@"), "no Object.toString hash: " + e.getMessage());
    }

    /** {@code PAR1}, a footer, its length (4 bytes little-endian), {@code PAR1}. */
    private Path withFooter(byte[] footer, long declaredLength) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
        o.writeBytes(footer);
        for (int i = 0; i < 4; i++) {
            o.write((int) (declaredLength >>> (8 * i)));
        }
        o.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
        return Files.write(dir.resolve("footer.parquet"), o.toByteArray());
    }

    @Test
    void deeplyNestedFooterIsFormatExceptionNotStackOverflow() throws IOException {
        byte[] footer = new byte[200_000];
        Arrays.fill(footer, 0, 100_000, (byte) 0x1c);   // field 1, type struct: 100,000 structs deep
        Path file = withFooter(footer, footer.length);
        FormatException e = assertThrows(FormatException.class, () -> ParquetFeatureReader.open(file));
        assertEquals(file + ":4: not a readable Parquet file: its footer (file metadata) nests Thrift structures too"
                + " deeply to be decoded; expected a FileMetaData of a few levels of nesting", e.getMessage());
        FormatException d = assertThrows(FormatException.class, () -> DeepArParquetReader.open(file));
        assertTrue(d.getMessage().contains("too deeply"), d.getMessage());
    }

    @Test
    void deeplyNestedPageHeaderIsFormatExceptionNotStackOverflow() throws IOException {
        Path file = dir.resolve("big.parquet");
        try (ParquetFeatureWriter w = ParquetFeatureWriter.open(file, ParquetFeatureWriteOptions.defaults()
                .withCompression(ParquetCompression.UNCOMPRESSED))) {
            for (int i = 0; i < 20_000; i++) {
                w.write(FeatureRows.denseRow(i, i));
            }
            w.commit();
        }
        byte[] d = Files.readAllBytes(file);
        Arrays.fill(d, 4, 100_004, (byte) 0x1c);   // the first page header: 100,000 structs deep
        Files.write(file, d);
        try (ParquetFeatureReader r = ParquetFeatureReader.open(file)) {
            FormatException e = assertThrows(FormatException.class, r::next);
            assertEquals(file + ":4: record 0: corrupt Parquet data in row group 0: a page header nests Thrift"
                    + " structures too deeply to be decoded; expected pages that decode as the footer describes them",
                    e.getMessage());
        }
    }

    @Test
    void footerLongerThanTheFileIsRefusedBeforeReading() throws IOException {
        Path file = withFooter(new byte[10], 0xFFFF_FFF0L);
        FormatException e = assertThrows(FormatException.class, () -> ParquetFeatureReader.open(file));
        assertEquals(file + ":14: the footer length is 4294967280 bytes but the file has room for 10; expected a"
                + " footer length that fits between the leading PAR1 and the last 8 bytes (a truncated or damaged"
                + " file)", e.getMessage());
    }

    @Test
    void footerOverMaxRecordBytesIsLimitError() throws IOException {
        byte[] good = smallFile();
        Path file = Files.write(dir.resolve("g.parquet"), good);
        int footerLength = (good[good.length - 8] & 0xFF) | (good[good.length - 7] & 0xFF) << 8;
        ReadOptions small = ReadOptions.defaults()
                .withLimits(ReadLimits.builder().maxRecordBytes(footerLength - 1).build());
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> ParquetFeatureReader.open(file,
                ParquetFeatureReadOptions.defaults().withRead(small)));
        assertEquals("maxRecordBytes", e.limitName());
        assertEquals(good.length - 8, e.position().byteOffset());
        ReadOptions exact = ReadOptions.defaults()
                .withLimits(ReadLimits.builder().maxRecordBytes(footerLength).build());
        try (ParquetFeatureReader r = ParquetFeatureReader.open(file,
                ParquetFeatureReadOptions.defaults().withRead(exact))) {
            int n = 0;
            while (r.next()) {
                n++;
            }
            assertEquals(20, n);
        }
    }

    @Test
    void missingEndMagicSaysWhatItFound() throws IOException {
        byte[] d = smallFile();
        d[d.length - 1] = 'X';
        Path file = Files.write(dir.resolve("x.parquet"), d);
        FormatException e = assertThrows(FormatException.class, () -> ParquetFeatureReader.open(file));
        assertEquals(file + ":" + (d.length - 4) + ": not a Parquet file, or a truncated one: it ends in 0x50415258;"
                + " expected the magic PAR1 at the end", e.getMessage());
    }

    @Test
    void inputFileWithoutToStringIsNamedByClassAndLength() throws IOException {
        Path file = mutant(831);
        long size = Files.size(file);
        FormatException e = assertThrows(FormatException.class, () -> ParquetFeatureReader.open(
                new LocalInputFile(file), ParquetFeatureReadOptions.defaults()));
        assertTrue(e.getMessage().startsWith("Parquet input (LocalInputFile of " + size + " bytes):"), e.getMessage());
        assertFalse(e.getMessage().contains("@"), e.getMessage());
        try (ParquetFeatureReader r = ParquetFeatureReader.open(new LocalInputFile(mutant(580)),
                ParquetFeatureReadOptions.defaults())) {
            FormatException p = assertThrows(FormatException.class, () -> readAll(r));
            assertTrue(p.getMessage().startsWith("Parquet input (LocalInputFile of "), p.getMessage());
            assertInstanceOf(IllegalArgumentException.class, p.getCause());
        }
    }

    @Test
    void pageDecodingFailureKeepsParquetsException() throws IOException {
        try (ParquetFeatureReader r = ParquetFeatureReader.open(mutant(16))) {
            FormatException e = assertThrows(FormatException.class, () -> readAll(r));
            assertInstanceOf(ParquetDecodingException.class, e.getCause());
        }
    }
}

package io.mlformats.libsvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSources;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SeekableInput;
import io.mlformats.libsvm.csv.CsvReadOptions;
import io.mlformats.libsvm.csv.CsvReader;
import io.mlformats.testkit.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Range reads over a {@link SeekableInput} that is not a local file: over any set of ranges that tile the input,
 * every row is read exactly once, equal to a whole-input read, with positions in the whole input.
 */
class RangeReadTest {
    private static final String BOM = "\u00ef\u00bb\u00bf";

    /** A store the library does not know: positioned reads only, no path, no ByteSource behind it. */
    private static SeekableInput remote(byte[] data) {
        return new SeekableInput() {
            @Override
            public String name() {
                return "remote://bucket/part-0";
            }

            @Override
            public long length() {
                return data.length;
            }

            @Override
            public void readFully(long position, byte[] dst, int offset, int length) throws IOException {
                if (position < 0 || position + length > data.length) {
                    throw new EOFException("read past the end: " + position + "+" + length);
                }
                System.arraycopy(data, (int) position, dst, offset, length);
            }

            @Override
            public void close() {
                throw new AssertionError("the reader closed the caller's input");
            }
        };
    }

    private interface Opener {
        RecordReader<LibSvmRow> open(SeekableInput in, ByteRange range) throws IOException;
    }

    /** Row text and its line number, for every row of every range, in order. */
    private static List<String> read(byte[] data, Opener opener, long... cuts) throws IOException {
        List<String> out = new ArrayList<>();
        SeekableInput in = remote(data);
        for (int k = 0; k + 1 < cuts.length; k++) {
            try (RecordReader<LibSvmRow> r = opener.open(in, ByteRange.of(cuts[k], cuts[k + 1]))) {
                while (r.next()) {
                    out.add(r.current().copy() + " @" + r.position().byteOffset());
                }
            }
        }
        return out;
    }

    private static final Opener LIBSVM = (in, range) -> LibSvmReader.open(in, range, LibSvmReadOptions.defaults());
    private static final Opener CSV = (in, range) -> CsvReader.open(in, range, CsvReadOptions.defaults());

    private static void everyCutPoint(byte[] data, Opener opener, int expectedRows) throws IOException {
        List<String> whole = read(data, opener, 0, data.length);
        assertEquals(expectedRows, whole.size());
        assertEquals(whole, read(data, opener, 0, Long.MAX_VALUE), "ByteRange.ALL");
        for (int cut = 0; cut <= data.length; cut++) {
            assertEquals(whole, read(data, opener, 0, cut, data.length), "cut at " + cut);
        }
    }

    @Test
    void everyCutOfASmallLibSvmFileReadsEveryRowOnce() throws IOException {
        String text = BOM + "1 0:1\r\n# a comment\n\n0 1:2 3:4 # trailing comment\r\n  \n1:0.5 qid:3 2:5\n"
                + "\r\n0 0:1";
        everyCutPoint(text.getBytes(StandardCharsets.ISO_8859_1), LIBSVM, 4);
    }

    @Test
    void everyCutOfASmallCsvFileReadsEveryRowOnce() throws IOException {
        String text = BOM + "1,2,3\r\n\n0,,1\r\n  \n1,0.5,nan\n0,1,1";
        everyCutPoint(text.getBytes(StandardCharsets.ISO_8859_1), CSV, 4);
    }

    @Test
    void randomCutsOfALargerFileReadEveryRowOnce() throws IOException {
        long base = Seeds.base();
        for (int c = 0; c < 30; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            byte[] data = RandomLibSvm.messyText(r, 2_000);
            LibSvmReadOptions o = LibSvmReadOptions.defaults();
            Opener opener = (in, range) -> LibSvmReader.open(in, range, o);
            List<String> whole = read(data, opener, 0, data.length);
            int parts = r.nextInt(3, 6);
            long[] cuts = new long[parts + 1];
            for (int k = 1; k < parts; k++) {
                cuts[k] = r.nextLong(0, data.length + 1L);
            }
            cuts[parts] = data.length;
            Arrays.sort(cuts);
            assertEquals(whole, read(data, opener, cuts), Seeds.describe(base, c) + " cuts "
                    + Arrays.toString(cuts));
        }
    }

    @Test
    void aBadLineInARangeIsReportedAtItsFileOffset() throws IOException {
        byte[] data = "1 0:1\n0 1:2\n1 2:x\n0 3:4\n".getBytes(StandardCharsets.US_ASCII);
        try (LibSvmReader r = LibSvmReader.open(remote(data), ByteRange.of(6, 24), LibSvmReadOptions.defaults())) {
            assertTrue(r.next());
            assertEquals(0.0, r.current().label(), "the first line starting in the range (offset 6)");
            io.mlformats.core.FormatException e = assertThrows(io.mlformats.core.FormatException.class, r::next);
            assertEquals(16, e.position().byteOffset(), e.getMessage());   // the 'x' of "1 2:x", offset in the file
            assertEquals(1, e.position().recordIndex(), e.getMessage());
            assertEquals(2, e.position().line(), "lines count from the range's first line: " + e.getMessage());
            assertTrue(e.getMessage().contains("x"), e.getMessage());
        }
    }

    @Test
    void positionsAreInTheWholeFileAndRecordsCountFromTheRange() throws IOException {
        byte[] data = "1 0:1\n0 1:2\n1 2:3\n".getBytes(StandardCharsets.US_ASCII);
        try (LibSvmReader r = LibSvmReader.open(remote(data), ByteRange.of(7, 13), LibSvmReadOptions.defaults())) {
            assertTrue(r.next());
            assertEquals(12, r.position().byteOffset(), "the line starting in the range, at its file offset");
            assertEquals(0, r.position().recordIndex());
            assertEquals(3.0, r.current().features().value(0));
            assertEquals(false, r.next());
        }
    }

    @Test
    void aPartialRangeRefusesAutoAndGzip() throws IOException {
        byte[] data = "1 1:1\n0 2:2\n".getBytes(StandardCharsets.US_ASCII);
        LibSvmReadOptions auto = LibSvmReadOptions.defaults().withIndexBase(IndexBase.AUTO);
        assertThrows(IllegalArgumentException.class, () -> LibSvmReader.open(remote(data), ByteRange.of(0, 4), auto));
        try (LibSvmReader r = LibSvmReader.open(remote(data), ByteRange.ALL, auto)) {
            assertTrue(r.next());
            assertEquals(IndexBase.ONE, r.indexBase());
            assertEquals(0, r.current().features().index(0));
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(data);
        }
        byte[] zipped = gz.toByteArray();
        assertThrows(IllegalArgumentException.class,
                () -> LibSvmReader.open(remote(zipped), ByteRange.of(0, 5), LibSvmReadOptions.defaults()));
        assertEquals(read(data, LIBSVM, 0, data.length), read(zipped, LIBSVM, 0, zipped.length),
                "a whole gzip input is read decompressed");
    }

    @Test
    void aByteSourceBackedInputReadsTheSameRows() throws IOException {
        byte[] data = RandomLibSvm.messyText(new SplittableRandom(3), 500);
        LibSvmReadOptions o = LibSvmReadOptions.defaults();
        List<String> viaRemote = read(data, (in, range) -> LibSvmReader.open(in, range, o), 0, data.length / 3,
                data.length);
        List<String> viaSource = new ArrayList<>();
        try (SeekableInput in = ByteSources.seekable(data, "bytes")) {
            for (ByteRange range : List.of(ByteRange.of(0, data.length / 3), ByteRange.of(data.length / 3,
                    data.length))) {
                try (LibSvmReader r = LibSvmReader.open(in, range, o)) {
                    while (r.next()) {
                        viaSource.add(r.current().copy() + " @" + r.position().byteOffset());
                    }
                }
            }
        }
        assertEquals(viaRemote, viaSource);
    }
}

package io.mlformats.recordio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteRange;
import io.mlformats.core.SeekableInput;
import io.mlformats.recordio.protobuf.RecordProtobufReadOptions;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.recordio.protobuf.RecordProtobufWriteOptions;
import io.mlformats.recordio.protobuf.RecordProtobufWriter;
import io.mlformats.testkit.AdversarialInputs;
import io.mlformats.testkit.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Range reads through a {@link SeekableInput} that is not a local file: every record of a file is read exactly
 * once over any set of ranges that tile it, equal to a whole-file read.
 */
class RangeReadTest {

    /** A seekable input over a byte array that reads only through {@code readFully} (no Path, no ByteSource). */
    static SeekableInput remote(byte[] bytes, AtomicLong reads) {
        return new SeekableInput() {
            @Override
            public String name() {
                return "mem://test.rec";
            }

            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void readFully(long position, byte[] dst, int offset, int length) throws IOException {
                if (position < 0 || position + length > bytes.length) {
                    throw new EOFException("read of " + length + " at " + position + " past " + bytes.length);
                }
                reads.incrementAndGet();
                System.arraycopy(bytes, (int) position, dst, offset, length);
            }

            @Override
            public void close() {
                throw new AssertionError("the reader must not close the caller's input");
            }
        };
    }

    static List<byte[]> readRange(SeekableInput in, long from, long to) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (RecordIoReader r = RecordIoReader.open(in, ByteRange.of(from, to), RecordIoReadOptions.defaults())) {
            while (r.next()) {
                out.add(r.payloadBytes());
                assertTrue(r.recordOffset() >= from && r.recordOffset() < to,
                        "record at " + r.recordOffset() + " outside its range [" + from + ", " + to + ")");
            }
        }
        return out;
    }

    static byte[] frame(List<byte[]> payloads, boolean split) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordIoWriter w = RecordIoWriter.open(out, RecordIoWriteOptions.defaults().withSplitOnMagic(split)
                .withBufferBytes(64))) {
            for (byte[] p : payloads) {
                w.write(p);
            }
            w.commit();
        }
        return out.toByteArray();
    }

    static void assertSamePayloads(List<byte[]> expected, List<byte[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": record count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + ": record " + i);
        }
    }

    /** Small files: multi-part records with the magic in the payload, empty payloads, RecordIO-protobuf. */
    static List<List<byte[]>> smallFiles() throws IOException {
        byte[] magic = FramingGen.MAGIC;
        byte[] multi = new byte[20];
        System.arraycopy(magic, 0, multi, 4, 4);
        System.arraycopy(magic, 0, multi, 12, 4);
        multi[0] = 7;
        byte[] onlyMagic = new byte[12];
        for (int i = 0; i < 12; i++) {
            onlyMagic[i] = magic[i & 3];
        }
        List<List<byte[]>> files = new ArrayList<>();
        files.add(List.of(new byte[0]));
        files.add(List.of(new byte[0], new byte[0], new byte[0]));
        files.add(List.of(new byte[] {1, 2, 3}, multi, new byte[0], onlyMagic, new byte[] {9}));
        files.add(List.of(multi, multi, new byte[5]));
        // RecordIO-protobuf records (the payloads a RecordProtobufWriter frames)
        List<byte[]> pb = new ArrayList<>();
        for (byte[] rec : protobufPayloads(6)) {
            pb.add(rec);
        }
        files.add(pb);
        SplittableRandom r = new SplittableRandom(5);
        files.add(FramingGen.payloads(r, 12, 40));
        return files;
    }

    static List<byte[]> protobufPayloads(int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out, RecordProtobufWriteOptions.defaults())) {
            for (int i = 0; i < n; i++) {
                w.writeDense(new float[] {i, Float.intBitsToFloat(0xCED7230A), -i}, i % 2);
            }
            w.commit();
        }
        List<byte[]> payloads = new ArrayList<>();
        try (RecordIoReader r = RecordIoReader.open(io.mlformats.core.ByteSources.of(out.toByteArray()).input(),
                RecordIoReadOptions.defaults())) {
            while (r.next()) {
                payloads.add(r.payloadBytes());
            }
        }
        return payloads;
    }

    @Test
    void everyCutPointOfSmallFilesReadsEveryRecordOnce() throws IOException {
        for (List<byte[]> payloads : smallFiles()) {
            for (boolean split : new boolean[] {true, false}) {
                if (!split && payloads.stream().anyMatch(p -> p.length > 8)) {
                    continue;   // unsplit payloads holding the magic can fool resynchronisation (documented)
                }
                byte[] file = frame(payloads, split);
                AtomicLong reads = new AtomicLong();
                SeekableInput in = remote(file, reads);
                assertSamePayloads(payloads, readRange(in, 0, Long.MAX_VALUE), "whole file");
                for (int cut = 0; cut <= file.length; cut++) {
                    List<byte[]> all = new ArrayList<>(readRange(in, 0, cut));
                    all.addAll(readRange(in, cut, file.length));
                    assertSamePayloads(payloads, all, "split=" + split + " cut " + cut + " of " + file.length);
                }
                assertTrue(reads.get() > 0, "read through readFully");
            }
        }
    }

    @Test
    void randomMultiWayCutsOfALargerFileReadEveryRecordOnce() throws IOException {
        long base = Seeds.base();
        SplittableRandom gen = Seeds.forCase(base, 0);
        List<byte[]> payloads = FramingGen.payloads(gen, 3000, 300);
        byte[] file = frame(payloads, true);
        SeekableInput in = remote(file, new AtomicLong());
        for (int c = 1; c < 60; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            int parts = 1 + r.nextInt(40);
            long[] b = new long[parts + 1];
            for (int i = 1; i < parts; i++) {
                b[i] = r.nextInt(file.length + 1);
            }
            b[parts] = file.length;
            Arrays.sort(b);
            if (c % 5 == 0) {
                b = RecordIoStarts.boundaries(file.length, parts);
            }
            List<byte[]> all = new ArrayList<>();
            for (int i = 0; i + 1 < b.length; i++) {
                all.addAll(readRange(in, b[i], b[i + 1]));
            }
            assertSamePayloads(payloads, all, Seeds.describe(base, c) + " cuts " + Arrays.toString(b));
        }
    }

    @Test
    void recordStartsFollowsTheResynchronisationRule() throws IOException {
        byte[] multi = new byte[20];
        System.arraycopy(FramingGen.MAGIC, 0, multi, 8, 4);
        byte[] file = frame(List.of(new byte[] {1}, multi, new byte[] {2}), true);
        // record 0 at 0 (8 + 4 bytes); record 1 at 12: a part of 8 bytes (cflag 1) at 12, last part at 28; record 2
        SeekableInput in = remote(file, new AtomicLong());
        assertEquals(0, RecordIoStarts.INSTANCE.next(in, 0));
        assertEquals(12, RecordIoStarts.INSTANCE.next(in, 1));
        assertEquals(12, RecordIoStarts.INSTANCE.next(in, 12));
        long third = 28 + 8 + 8;   // the last part holds 8 bytes
        assertEquals(third, RecordIoStarts.INSTANCE.next(in, 13), "the continuation part (cflag 3) is not a start");
        assertEquals(file.length, RecordIoStarts.INSTANCE.next(in, third + 1));
    }

    @Test
    void readsRecords1000To2000OfARecordIoProtobufFileThroughARange() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordProtobufWriter w = RecordProtobufWriter.open(out, RecordProtobufWriteOptions.defaults())) {
            for (int i = 0; i < 3000; i++) {
                w.writeDense(new float[] {i, i * 0.5f, -i}, i % 7);
            }
            w.commit();
        }
        byte[] file = out.toByteArray();
        SeekableInput in = remote(file, new AtomicLong());
        long start = -1;
        long end = -1;
        try (RecordProtobufReader r = RecordProtobufReader.open(in, ByteRange.ALL, RecordProtobufReadOptions.defaults())) {
            for (int i = 0; r.next(); i++) {
                if (i == 1000) {
                    start = r.position().byteOffset();
                } else if (i == 2001) {
                    end = r.position().byteOffset();
                }
            }
        }
        assertTrue(start > 0 && end > start);
        // a range that starts and ends inside records: it still yields exactly records 1000..2000
        try (RecordProtobufReader r = RecordProtobufReader.open(in, ByteRange.of(start - 3, end - 1),
                RecordProtobufReadOptions.defaults())) {
            for (int i = 1000; i <= 2000; i++) {
                assertTrue(r.next(), "record " + i);
                assertEquals(i, r.current().features().float32(0));
                assertEquals(i * 0.5f, r.current().features().float32(1));
                assertEquals(-i, r.current().features().float32(2));
                assertEquals(i % 7, r.current().label().float32(0));
                assertEquals(i - 1000, r.position().recordIndex(), "record indexes count from the range start");
            }
            assertFalse(r.next());
        }
    }

    @Test
    void aGzipInputCanOnlyBeReadWhole() throws IOException {
        List<byte[]> payloads = List.of(new byte[] {1, 2}, new byte[] {3});
        byte[] gz = AdversarialInputs.gzip(frame(payloads, true));
        SeekableInput in = remote(gz, new AtomicLong());
        assertSamePayloads(payloads, readRange(in, 0, Long.MAX_VALUE), "whole gzip");
        assertThrows(IllegalArgumentException.class, () -> readRange(in, 0, 4));
    }
}

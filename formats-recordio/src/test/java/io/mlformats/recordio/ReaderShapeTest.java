package io.mlformats.recordio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSources;
import io.mlformats.core.RecordReader;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.recordio.image.ImageRecord;
import io.mlformats.recordio.image.ImageRecordReadOptions;
import io.mlformats.recordio.image.ImageRecordReader;
import io.mlformats.recordio.image.ImageRecordWriter;
import io.mlformats.recordio.protobuf.RecordProtobufReadOptions;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.recordio.protobuf.RecordProtobufWriter;
import io.mlformats.recordio.protobuf.RecordView;
import io.mlformats.testkit.AllocationMeter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader shape of docs/API.md for the three readers: {@code current()} before the first {@code next()} and
 * after the end throws; {@code copy()} keeps a record; steady-state {@code next()} + {@code current()} allocate
 * nothing per record.
 */
class ReaderShapeTest {
    @TempDir
    Path tmp;

    static final int RECORDS = 200_000;
    /** Well below one byte per record: a per-record allocation (16+ bytes) would exceed it many times over. */
    static final long BUDGET = 256 * 1024;

    Path protobufFile() throws IOException {
        Path f = tmp.resolve("rows.pbr");
        try (RecordProtobufWriter w = RecordProtobufWriter.open(f)) {
            for (int i = 0; i < RECORDS; i++) {
                if (i % 2 == 0) {
                    w.writeDense(new float[] {i, 1, 2}, i % 3);
                } else {
                    w.writeSparse(10, new int[] {1, 7}, new float[] {i, -1}, 0, 2, 1);
                }
            }
            w.commit();
        }
        return f;
    }

    Path imageFile() throws IOException {
        Path f = tmp.resolve("images.rec");
        try (ImageRecordWriter w = ImageRecordWriter.open(f)) {
            for (int i = 0; i < RECORDS; i++) {
                w.writeSingleLabel(i, i % 10, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) i, 0, 0});
            }
            w.commit();
        }
        return f;
    }

    static void assertCurrentThrowsOutsideRecords(RecordReader<?> r) throws IOException {
        assertThrows(IllegalStateException.class, r::current, "before the first next()");
        while (r.next()) {
            r.current();
        }
        assertThrows(IllegalStateException.class, r::current, "after next() returned false");
    }

    @Test
    void currentBeforeNextAndAfterTheEndThrows() throws IOException {
        Path pbr = protobufFile();
        try (RecordIoReader r = RecordIoReader.open(pbr)) {
            assertCurrentThrowsOutsideRecords(r);
        }
        try (RecordProtobufReader r = RecordProtobufReader.open(pbr)) {
            assertThrows(IllegalStateException.class, r::currentRow, "currentRow before next()");
            assertCurrentThrowsOutsideRecords(r);
            assertThrows(IllegalStateException.class, r::currentRow, "currentRow after the end");
        }
        try (ImageRecordReader r = ImageRecordReader.open(imageFile())) {
            assertCurrentThrowsOutsideRecords(r);
        }
        byte[] empty = new byte[0];
        try (RecordIoReader r = RecordIoReader.open(ByteSources.of(empty).input(), RecordIoReadOptions.defaults())) {
            assertCurrentThrowsOutsideRecords(r);
        }
    }

    @Test
    void copyKeepsARecordAfterTheReaderMovesOn() throws IOException {
        try (RecordProtobufReader r = RecordProtobufReader.open(protobufFile())) {
            assertTrue(r.next());
            RecordView kept = r.current().copy();
            assertNotSame(r.current(), kept);
            assertTrue(r.next());
            assertEquals(0f, kept.features().float32(0));
            assertEquals(1f, r.current().features().float32(0));
        }
        try (ImageRecordReader r = ImageRecordReader.open(imageFile())) {
            assertTrue(r.next());
            assertTrue(r.next());
            ImageRecord kept = r.current().copy();
            assertTrue(r.next());
            assertEquals(1, kept.id());
            assertEquals(1f, kept.label(0));
            assertEquals(5, kept.imageLength());
            assertEquals(1, kept.imageBytes()[2]);
            assertEquals(2, r.current().id());
        }
    }

    /** What a test reads of each record (returns a number so the work cannot be optimised away). */
    interface Touch<R> {
        double apply(R reader) throws IOException;
    }

    /**
     * Reads {@code warmup} records, then measures what reading the rest allocates; returns the number of records.
     */
    static <R extends RecordReader<?>> int assertSteadyStateAllocatesNothing(R r, int warmup, Touch<R> touch)
            throws IOException {
        for (int i = 0; i < warmup; i++) {
            assertTrue(r.next());
            touch.apply(r);
        }
        long before = AllocationMeter.allocatedBytes();
        double sum = 0;
        int n = warmup;
        while (r.next()) {
            sum += touch.apply(r);
            n++;
        }
        long allocated = AllocationMeter.allocatedBytes() - before;
        assertTrue(sum > 0, "records were read");
        assertTrue(allocated < BUDGET, allocated + " bytes allocated for " + n + " records");
        return n;
    }

    @Test
    void protobufReaderAllocatesNothingPerRecord() throws IOException {
        try (RecordProtobufReader r = RecordProtobufReader.open(protobufFile())) {
            // warm up: dense and sparse records grow the reused vectors
            int n = assertSteadyStateAllocatesNothing(r, 4, x -> {
                RecordView v = x.current();
                LabeledRow row = x.currentRow();
                return v.features().float32(0) + v.label().float32(0) + row.label(0) + row.stored();
            });
            assertEquals(RECORDS, n);
        }
    }

    @Test
    void imageReaderAllocatesNothingPerRecord() throws IOException {
        try (ImageRecordReader r = ImageRecordReader.open(imageFile())) {
            int n = assertSteadyStateAllocatesNothing(r, 1, x -> {
                ImageRecord v = x.current();
                return v.label(0) + v.imageLength() + v.id();
            });
            assertEquals(RECORDS, n);
        }
    }

    @Test
    void rangeReaderOverASeekableInputAllocatesNothingPerRecord() throws IOException {
        byte[] bytes = Files.readAllBytes(protobufFile());
        try (RecordProtobufReader r = RecordProtobufReader.open(RangeReadTest.remote(bytes, new AtomicLong()),
                ByteRange.of(100, bytes.length), RecordProtobufReadOptions.defaults())) {
            int n = assertSteadyStateAllocatesNothing(r, 2,
                    x -> x.current().features().float32(0) + x.currentRow().stored());
            assertTrue(n > RECORDS - 10 && n < RECORDS, "records after offset 100: " + n);
        }
    }

    @Test
    void rowViewIsReusedAndFollowsTheRecord() throws IOException {
        try (RecordProtobufReader r = RecordProtobufReader.open(protobufFile(), RecordProtobufReadOptions.defaults())) {
            assertTrue(r.next());
            LabeledRow first = r.currentRow();
            assertFalse(first.isSparse());
            assertEquals(3, first.width());
            assertEquals(0.0, first.dense().value(0));
            assertTrue(r.next());
            LabeledRow second = r.currentRow();
            assertSame(first, second);
            assertTrue(second.isSparse());
            assertTrue(second.absentIsZero());
            assertEquals(10, second.width());
            assertEquals(7, second.sparse().index(1));
            assertEquals(1.0, second.label(0));
        }
    }

    @Test
    void imageReaderOptionsCarryTheCommonReadOptions() throws IOException {
        ImageRecordReadOptions o = ImageRecordReadOptions.defaults()
                .withRead(io.mlformats.core.ReadOptions.defaults().withMode(io.mlformats.core.ReadMode.LENIENT));
        assertTrue(o.read().lenient());
        assertTrue(o.framing().read().lenient());
    }
}

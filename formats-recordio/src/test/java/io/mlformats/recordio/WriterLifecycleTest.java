package io.mlformats.recordio;

import io.mlformats.testkit.WriterFaults;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSources;
import io.mlformats.core.RecordWriter;
import io.mlformats.recordio.image.IRHeader;
import io.mlformats.recordio.image.IdxIndex;
import io.mlformats.recordio.image.ImageRecordWriteOptions;
import io.mlformats.recordio.image.ImageRecordWriter;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.recordio.protobuf.RecordProtobufWriteOptions;
import io.mlformats.recordio.protobuf.RecordProtobufWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link RecordWriter} lifecycle for every writer of the module, on path, gzip path, stream and gzip stream
 * targets: only {@code commit()} publishes; close without commit leaves nothing (and a file already at the target
 * byte for byte as it was); a caller's stream is never closed and, without commit, a gzip stream gets no trailer.
 */
class WriterLifecycleTest {
    @TempDir
    Path tmp;

    /** Opens a writer on a file with the given framing options. */
    interface PathOpen {
        RecordWriter<?> open(Path file, RecordIoWriteOptions framing) throws IOException;
    }

    /** Opens a writer on a stream with the given framing options. */
    interface StreamOpen {
        RecordWriter<?> open(OutputStream out, RecordIoWriteOptions framing) throws IOException;
    }

    /** Writes one record made from {@code bytes} (or, with null, one the writer must refuse). */
    interface Write {
        void write(RecordWriter<?> w, byte[] bytes) throws IOException;
    }

    /**
     * One writer of the module, as the matrix drives it: how to open it, how to write a record carrying
     * {@code bytes}, and which files it publishes.
     */
    record Kind(String name, PathOpen onPath, StreamOpen onStream, Write write, boolean index) {
        RecordWriter<?> open(Path file, boolean gzip) throws IOException {
            return onPath.open(file, RecordIoWriteOptions.defaults().withGzip(gzip));
        }

        RecordWriter<?> open(OutputStream out, boolean gzip, int bufferBytes) throws IOException {
            return onStream.open(out, RecordIoWriteOptions.defaults().withGzip(gzip).withBufferBytes(bufferBytes));
        }

        /** Writes record {@code i}: the bytes {@code i, 2, 3, 4, 5}, so a read-back can check it. */
        void writeGood(RecordWriter<?> w, int i) throws IOException {
            write.write(w, new byte[] {(byte) i, 2, 3, 4, 5});
        }

        /** Writes a record of 4 KiB of random (poorly compressible) content. */
        void writeRandom(RecordWriter<?> w, SplittableRandom r) throws IOException {
            byte[] b = new byte[4096];
            r.nextBytes(b);
            write.write(w, b);
        }

        /** Writes a record the writer must refuse with IllegalArgumentException. */
        void writeRefused(RecordWriter<?> w) throws IOException {
            write.write(w, null);
        }

        /** Files the writer publishes for {@code file}. */
        List<Path> outputs(Path file) {
            return index ? List.of(file, ImageRecordWriter.indexPath(file)) : List.of(file);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final Kind RECORDIO = new Kind("RecordIoWriter", RecordIoWriter::open, RecordIoWriter::open, (w, b) -> {
        if (b == null) {
            ((RecordIoWriter) w).beginRecord(1 << 29);
        } else {
            ((RecordIoWriter) w).write(b);
        }
    }, false);

    static final Kind PROTOBUF = new Kind("RecordProtobufWriter",
            (f, o) -> RecordProtobufWriter.open(f, RecordProtobufWriteOptions.defaults().withFraming(o)),
            (s, o) -> RecordProtobufWriter.open(s, RecordProtobufWriteOptions.defaults().withFraming(o)), (w, b) -> {
                if (b == null) {
                    ((RecordProtobufWriter) w).writeSparse(0, new int[0], new float[0], 0, 0);
                    return;
                }
                float[] row = new float[b.length];
                for (int i = 0; i < b.length; i++) {
                    row[i] = b[i];
                }
                ((RecordProtobufWriter) w).writeDense(row, 1f);
            }, false);

    static final Kind IMAGE = new Kind("ImageRecordWriter",
            (f, o) -> ImageRecordWriter.open(f, ImageRecordWriteOptions.defaults().withFraming(o)),
            (s, o) -> ImageRecordWriter.open(s, ImageRecordWriteOptions.defaults().withFraming(o)), (w, b) -> {
                if (b == null) {
                    ((ImageRecordWriter) w).write(7, new IRHeader(2, 0f, 7, 0), null, new byte[3], 0, 3);
                } else {
                    ((ImageRecordWriter) w).writeSingleLabel(b[0], 1f, b);
                }
            }, true);

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Kind k : List.of(RECORDIO, PROTOBUF, IMAGE)) {
            for (boolean gzip : new boolean[] {false, true}) {
                out.add(Arguments.of(k, gzip));
            }
        }
        return out.stream();
    }

    /** Payloads of a RecordIO file or stream (gzip detected by content). */
    static List<byte[]> payloads(byte[] bytes) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (RecordIoReader r = RecordIoReader.open(ByteSources.stream(new ByteArrayInputStream(bytes)),
                RecordIoReadOptions.defaults())) {
            while (r.next()) {
                out.add(r.payloadBytes());
            }
        }
        return out;
    }

    /** Writes a good file at {@code file} (and its siblings) to check that failures leave it untouched. */
    List<byte[]> plantGoodFiles(Kind k, Path file) throws IOException {
        List<byte[]> before = new ArrayList<>();
        for (Path p : k.outputs(file)) {
            byte[] b = ("previous good content of " + p.getFileName()).getBytes();
            Files.write(p, b);
            before.add(b);
        }
        return before;
    }

    void assertUntouched(Kind k, Path file, List<byte[]> before) throws IOException {
        assertContent(k, file, before);
        assertNoTemporaries(k.outputs(file).size());
    }

    static void assertContent(Kind k, Path file, List<byte[]> before) throws IOException {
        List<Path> outs = k.outputs(file);
        for (int i = 0; i < outs.size(); i++) {
            assertArrayEquals(before.get(i), Files.readAllBytes(outs.get(i)), outs.get(i) + " changed");
        }
    }

    void assertNothingPublished(Kind k, Path file) throws IOException {
        for (Path p : k.outputs(file)) {
            assertFalse(Files.exists(p), p + " was published");
        }
        assertNoTemporaries(0);
    }

    void assertNoTemporaries(int expectedFiles) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            List<Path> all = s.toList();
            assertEquals(expectedFiles, all.size(), "files left in the directory: " + all);
        }
    }

    // ---------------------------------------------------------------- the reproduction

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("cases")
    void callerThrowsMidWayLeavesNoFile(Kind k, boolean gzip) throws Exception {
        Path file = tmp.resolve("out.pbr");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (RecordWriter<?> w = k.open(file, gzip)) {
                k.writeGood(w, 1);
                k.writeGood(w, 2);
                throw new IllegalStateException("caller failed mid-way");
            }
        });
        assertEquals("caller failed mid-way", e.getMessage());
        assertNothingPublished(k, file);
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("cases")
    void callerThrowsMidWayLeavesAnExistingFileByteForByte(Kind k, boolean gzip) throws Exception {
        Path file = tmp.resolve("out.pbr");
        List<byte[]> before = plantGoodFiles(k, file);
        assertThrows(IllegalStateException.class, () -> {
            try (RecordWriter<?> w = k.open(file, gzip)) {
                k.writeGood(w, 1);
                k.writeGood(w, 2);
                throw new IllegalStateException("caller failed mid-way");
            }
        });
        assertUntouched(k, file, before);
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("cases")
    void callerThrowsMidWayOnAStreamLeavesItOpenAndUnfinished(Kind k, boolean gzip) throws Exception {
        TrackingStream out = new TrackingStream(Integer.MAX_VALUE);
        assertThrows(IllegalStateException.class, () -> {
            try (RecordWriter<?> w = k.open(out, gzip, 64)) {
                for (int i = 0; i < 20; i++) {
                    k.writeGood(w, i);
                }
                throw new IllegalStateException("caller failed mid-way");
            }
        });
        assertFalse(out.closed, "the caller's stream was closed");
        if (gzip) {
            // No trailer: a consumer fails loudly instead of reading a short valid-looking file.
            assertThrows(EOFException.class, () -> readGzip(out.toByteArray()));
        }
    }

    // ---------------------------------------------------------------- commit, close, abort

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("cases")
    void commitPublishesAndCloseAfterCommitIsANoOp(Kind k, boolean gzip) throws Exception {
        Path file = tmp.resolve("out.rec");
        List<byte[]> before = plantGoodFiles(k, file);
        RecordWriter<?> w = k.open(file, gzip);
        k.writeGood(w, 1);
        k.writeGood(w, 2);
        assertContent(k, file, before);   // flushing or writing never publishes
        w.flush();
        assertContent(k, file, before);
        w.commit();
        w.close();
        w.close();
        w.abort();   // a no-op after commit
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(gzip, (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b, "gzip magic");
        List<byte[]> p = payloads(bytes);
        assertEquals(2, p.size());
        assertRecord(k, p.get(0), 1);
        assertRecord(k, p.get(1), 2);
        if (k == IMAGE) {
            IdxIndex idx = IdxIndex.read(ImageRecordWriter.indexPath(file));
            assertEquals(2, idx.size());
            assertEquals(1, idx.key(0));
            assertEquals(0, idx.offset(0));
            assertEquals(2, idx.key(1));
        }
        assertNoTemporaries(k.outputs(file).size());
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("cases")
    void commitOnAStreamFinishesItAndLeavesItOpen(Kind k, boolean gzip) throws Exception {
        TrackingStream out = new TrackingStream(Integer.MAX_VALUE);
        try (RecordWriter<?> w = k.open(out, gzip, 1 << 16)) {
            k.writeGood(w, 5);
            assertEquals(gzip ? 10 : 0, out.size(), "buffered until commit (gzip: its 10-byte header)");
            w.commit();
        }
        assertFalse(out.closed);
        assertTrue(out.flushed, "commit flushes the caller's stream");
        List<byte[]> p = payloads(out.toByteArray());
        assertEquals(1, p.size());
        assertRecord(k, p.get(0), 5);
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("cases")
    void closeWithoutCommitAndCloseTwiceLeaveNothing(Kind k, boolean gzip) throws Exception {
        Path file = tmp.resolve("out.rec");
        RecordWriter<?> w = k.open(file, gzip);
        k.writeGood(w, 1);
        w.close();
        w.close();
        assertNothingPublished(k, file);
        assertThrows(IllegalStateException.class, () -> k.writeGood(w, 2), "write after close");
        assertThrows(IllegalStateException.class, w::commit, "commit after close");
        assertNothingPublished(k, file);
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("cases")
    void abortThenCloseAndCommitAfterAbort(Kind k, boolean gzip) throws Exception {
        Path file = tmp.resolve("out.rec");
        List<byte[]> before = plantGoodFiles(k, file);
        RecordWriter<?> w = k.open(file, gzip);
        k.writeGood(w, 1);
        w.abort();
        w.abort();
        w.close();
        assertThrows(IllegalStateException.class, w::commit, "commit after abort");
        assertThrows(IllegalStateException.class, () -> k.writeGood(w, 2), "write after abort");
        assertUntouched(k, file, before);
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("cases")
    void writeAfterCommitAndCommitTwiceThrow(Kind k, boolean gzip) throws Exception {
        Path file = tmp.resolve("out.rec");
        try (RecordWriter<?> w = k.open(file, gzip)) {
            k.writeGood(w, 1);
            w.commit();
            assertThrows(IllegalStateException.class, () -> k.writeGood(w, 2), "write after commit");
            assertThrows(IllegalStateException.class, w::commit, "commit twice");
        }
        assertEquals(1, payloads(Files.readAllBytes(file)).size(), "the committed file is intact");
    }

    // ---------------------------------------------------------------- failures

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("cases")
    void aRefusedRecordDoesNotPoisonTheWriter(Kind k, boolean gzip) throws Exception {
        Path file = tmp.resolve("out.rec");
        try (RecordWriter<?> w = k.open(file, gzip)) {
            k.writeGood(w, 1);
            assertThrows(IllegalArgumentException.class, () -> k.writeRefused(w));
            k.writeGood(w, 2);
            w.commit();
        }
        List<byte[]> p = payloads(Files.readAllBytes(file));
        assertEquals(2, p.size(), "nothing of the refused record was written");
        assertRecord(k, p.get(1), 2);
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("cases")
    void anIoErrorInAWritePoisonsTheWriter(Kind k, boolean gzip) throws Exception {
        TrackingStream out = new TrackingStream(100);
        RecordWriter<?> w = k.open(out, gzip, 64);
        SplittableRandom random = new SplittableRandom(11);
        IOException first = assertThrows(IOException.class, () -> {
            for (int i = 0; i < 1000; i++) {
                k.writeRandom(w, random);
            }
        });
        assertEquals("disk full", first.getMessage());
        assertThrows(IOException.class, () -> k.writeGood(w, 1), "write after a failed write");
        assertThrows(IOException.class, w::commit, "commit of a poisoned writer aborts and throws");
        assertThrows(IllegalStateException.class, w::commit, "the writer is aborted now");
        w.close();
        assertFalse(out.closed);
    }

    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("cases")
    void aFailedWriteToAFileLeavesTheExistingFile(Kind k, boolean gzip) throws Exception {
        Path file = tmp.resolve("out.rec");
        List<byte[]> before = plantGoodFiles(k, file);
        assertThrows(IllegalArgumentException.class, () -> {
            try (RecordWriter<?> w = k.open(file, gzip)) {
                k.writeGood(w, 1);
                k.writeRefused(w);   // the caller lets the refusal escape: close aborts
                w.commit();
            }
        });
        assertUntouched(k, file, before);
    }

    @Test
    void imageWriterWithoutIndexPublishesOnlyTheRec() throws Exception {
        Path file = tmp.resolve("images.rec");
        try (ImageRecordWriter w = ImageRecordWriter.open(file, ImageRecordWriteOptions.defaults().withIndex(false))) {
            w.writeSingleLabel(3, 2f, new byte[] {1, 2, 3});
            w.commit();
        }
        assertTrue(Files.exists(file));
        assertFalse(Files.exists(tmp.resolve("images.idx")));
        assertNoTemporaries(1);
    }

    // ---------------------------------------------------------------- helpers

    static void assertRecord(Kind k, byte[] payload, int i) throws IOException {
        byte[] expected = {(byte) i, 2, 3, 4, 5};
        if (k == RECORDIO) {
            assertArrayEquals(expected, payload);
        } else if (k == PROTOBUF) {
            try (RecordProtobufReader r = RecordProtobufReader.open(ByteSources.of(frame(payload)).input(),
                    io.mlformats.recordio.protobuf.RecordProtobufReadOptions.defaults())) {
                assertTrue(r.next());
                float[] row = new float[5];
                assertEquals(5, r.current().features().copyTo(row, 0));
                assertArrayEquals(new float[] {i, 2, 3, 4, 5}, row);
                assertEquals(1f, r.current().label().float32(0));
            }
        } else {
            assertEquals(IRHeader.SIZE + 5, payload.length);
            assertEquals(new IRHeader(0, 1f, i, 0), IRHeader.read(java.nio.ByteBuffer.wrap(payload), 0));
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(payload, IRHeader.SIZE, payload.length));
        }
    }

    static byte[] frame(byte[] payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordIoWriter w = RecordIoWriter.open(out, RecordIoWriteOptions.defaults())) {
            w.write(payload);
            w.commit();
        }
        return out.toByteArray();
    }

    static byte[] readGzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    /** A caller's stream that records close/flush and fails with "disk full" after {@code capacity} bytes. */
    static final class TrackingStream extends OutputStream {
        final int capacity;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean closed;
        boolean flushed;

        TrackingStream(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (bytes.size() + len > capacity) {
                throw new IOException("disk full");
            }
            bytes.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        int size() {
            return bytes.size();
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /**
     * Issue 16, fault injection: an exception mid-way, a full disk, a failing publish and a second writer of the
     * same file leave an existing file intact and no temporary file, and the errors name the file.
     */
    @ParameterizedTest(name = "{0} gzip={1}")
    @MethodSource("cases")
    void faultsLeaveTheExistingFileIntact(Kind k, boolean gzip) throws IOException {
        SplittableRandom r = new SplittableRandom(16);
        WriterFaults.check(tmp, "out.rec", 2_000, p -> {
            RecordWriter<?> w = k.open(p, gzip);
            return WriterFaults.writer(() -> k.writeRandom(w, r), w::commit, w::abort);
        });
    }
}

package io.mlformats.recordio;

import io.mlformats.testkit.Golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSource;
import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.TruncatedInputException;
import io.mlformats.testkit.TestHooks;
import io.mlformats.testkit.AdversarialInputs;
import io.mlformats.testkit.AllocationMeter;
import io.mlformats.testkit.Seeds;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Framing round trips, dmlc-exact splitting, byte-range splitting and the reader's error behaviour. */
class FramingPropertyTest {
    @TempDir
    Path tmp;

    static final RecordIoReadOptions STRICT = RecordIoReadOptions.defaults();

    static byte[] write(List<byte[]> payloads, boolean split) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordIoWriter w = RecordIoWriter.open(out, RecordIoWriteOptions.defaults().withSplitOnMagic(split).withBufferBytes(256))) {
            long expectOffset = 0;
            for (byte[] p : payloads) {
                assertEquals(expectOffset, w.position());
                w.write(p);
                expectOffset = w.position();
            }
            w.commit();
        }
        return out.toByteArray();
    }

    static List<byte[]> readAll(RecordIoReader r) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (r) {
            while (r.next()) {
                out.add(r.payloadBytes());
            }
        }
        return out;
    }

    static void assertSame(List<byte[]> expected, List<byte[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + " count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + " payload " + i);
        }
    }

    @Test
    void roundTripOverEverySourceKindAndBothFramings() throws Exception {
        long base = Seeds.base();
        for (int c = 0; c < 1500; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            List<byte[]> payloads = FramingGen.payloads(r, r.nextInt(8), 300);
            String what = Seeds.describe(base, c);
            for (boolean split : new boolean[] {true, false}) {
                byte[] file = write(payloads, split);
                assertArrayEquals(FramingGen.dmlcFrame(payloads, split), file, what + " writer == dmlc reference, split=" + split);
                assertSame(payloads, readAll(RecordIoReader.open(ByteSources.of(file).input(), STRICT)), what + " heap");
                ByteInput in = ByteSources.stream(c % 2 == 0 ? AdversarialInputs.oneBytePerRead(file)
                        : AdversarialInputs.chunked(file, 1 + r.nextInt(13)));
                assertSame(payloads, readAll(RecordIoReader.open(in, STRICT)), what + " stream");
                if (c % 50 == 0) {
                    byte[] gz = AdversarialInputs.gzip(file);
                    assertSame(payloads, readAll(RecordIoReader.open(ByteSources.stream(new java.io.ByteArrayInputStream(gz)), STRICT)), what + " gzip");
                    Path f = tmp.resolve("c" + c + split + ".rec");
                    Files.write(f, file);
                    // 64-byte windows: payloads straddling windows take the copy path
                    try (ByteSource m = TestHooks.<ByteSource>mappedFile(f, 6)) {
                        assertSame(payloads, readAll(RecordIoReader.open(m.input(), STRICT)), what + " mapped small windows");
                    }
                    assertSame(payloads, readAll(RecordIoReader.open(f)), what + " mapped");
                }
            }
        }
    }

    @Test
    void everyAlignmentOfMagicSplitsOnlyWhenAligned() throws Exception {
        for (int shift = 0; shift < 4; shift++) {
            for (int len = 0; len < 40; len++) {
                byte[] p = new byte[len];
                for (int i = 0; i < len; i++) {
                    p[i] = FramingGen.MAGIC[(i + shift) & 3];
                }
                byte[] file = write(List.of(p), true);
                int aligned = shift == 0 ? len / 4 : 0;
                List<GoldenFacts.Frame> frames = GoldenFacts.frames(file);
                assertEquals(aligned + 1, frames.size(), "shift " + shift + " len " + len);
                try (RecordIoReader rd = RecordIoReader.open(ByteSources.of(file).input(), STRICT)) {
                    assertTrue(rd.next());
                    assertArrayEquals(p, rd.payloadBytes());
                    assertEquals(aligned + 1, rd.parts());
                    assertFalse(rd.next());
                }
            }
        }
    }

    @Test
    void splittingReadsEveryRecordExactlyOnce() throws Exception {
        long base = Seeds.base();
        for (int c = 0; c < 800; c++) {
            SplittableRandom r = Seeds.forCase(base, c);
            List<byte[]> payloads = FramingGen.payloads(r, 1 + r.nextInt(30), 120);
            byte[] file = write(payloads, true);
            ByteSource src = ByteSources.of(file);
            int cuts = 1 + r.nextInt(6);
            long[] b = new long[cuts + 1];
            for (int i = 1; i < cuts; i++) {
                b[i] = r.nextInt(file.length + 1);
            }
            b[cuts] = file.length;
            java.util.Arrays.sort(b);
            if (r.nextBoolean()) {
                b = RecordIoStarts.boundaries(file.length, cuts);
            }
            List<byte[]> all = new ArrayList<>();
            for (int i = 0; i + 1 < b.length; i++) {
                all.addAll(readAll(RecordIoReader.open(ByteSources.seekable(src), ByteRange.of(b[i], b[i + 1]), STRICT)));
            }
            assertSame(payloads, all, Seeds.describe(base, c) + " cuts " + java.util.Arrays.toString(b));
        }
    }

    @Test
    void resyncFindsTheFalseHeadDmlcFindsInSdkFilesOnlyWithoutConfirmation() throws Exception {
        byte[] sdk = io.mlformats.testkit.Golden.bytes("recordio/magic_in_payload_sdk_single_part.pbr");
        // dmlc's FindNextRecordIOHead stops at offset 84 (an embedded magic followed by float 1.0 -> cflag 1);
        // the confirmation (a valid following header) rejects it, and the next true head is 120.
        assertEquals(120, RecordIoStarts.INSTANCE.next(ByteSources.seekable(sdk, "sdk"), 64));
        assertEquals(60, RecordIoStarts.INSTANCE.next(ByteSources.seekable(sdk, "sdk"), 57));
        assertEquals(sdk.length, RecordIoStarts.INSTANCE.next(ByteSources.seekable(sdk, "sdk"), 121));
    }

    @Test
    void hugeDeclaredLengthDoesNotAllocate() throws Exception {
        byte[] file = {0x0A, 0x23, (byte) 0xD7, (byte) 0xCE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x1F, 1, 2, 3, 4};
        RecordIoReadOptions big = STRICT.withRead(ReadOptions.defaults().withLimits(
                ReadLimits.builder().maxRecordBytes(Integer.MAX_VALUE).build()));
        long before = AllocationMeter.allocatedBytes();
        TruncatedInputException e = assertThrows(TruncatedInputException.class,
                () -> readAll(RecordIoReader.open(ByteSources.of(file).input(), big)));
        assertEquals(8, e.position().byteOffset());
        e = assertThrows(TruncatedInputException.class,
                () -> readAll(RecordIoReader.open(ByteSources.stream(AdversarialInputs.chunked(file, 3)), big)));
        assertTrue(AllocationMeter.allocatedBytes() - before < 4 << 20, "no allocation of the declared 512 MiB");
        LimitExceededException l = assertThrows(LimitExceededException.class,
                () -> readAll(RecordIoReader.open(ByteSources.of(file).input(), STRICT)));
        assertEquals("maxRecordBytes", l.limitName());
        assertEquals(0, l.position().byteOffset());
    }

    @Test
    void badHeadersFailWithOffsetsAndSkipPolicyResynchronises() throws Exception {
        List<byte[]> payloads = List.of(new byte[] {1, 2, 3}, new byte[] {4, 5, 6, 7, 8}, new byte[] {9});
        byte[] file = write(payloads, true);
        byte[] bad = file.clone();
        bad[12] = 0; // magic of record 1 (record 0 = 8 + 3 + 1 = 12 bytes)
        FormatException e = assertThrows(FormatException.class, () -> readAll(RecordIoReader.open(ByteSources.of(bad).input(), STRICT)));
        assertEquals(12, e.position().byteOffset());
        assertEquals(1, e.position().recordIndex());
        assertTrue(e.getMessage().contains("expected the RecordIO magic 0a 23 d7 ce, found 00 23 d7 ce"), e.getMessage());
        RecordIoReadOptions skip = STRICT.withRead(ReadOptions.defaults().withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT));
        RecordIoReader r = RecordIoReader.open(ByteSources.of(bad).input(), skip);
        List<byte[]> got = new ArrayList<>();
        while (r.next()) {
            got.add(r.payloadBytes());
        }
        assertSame(List.of(payloads.get(0), payloads.get(2)), got, "skip");
        assertEquals(1, r.stats().skipped());
        assertEquals(12, r.stats().errors().get(0).position().byteOffset());

        // a continuation part where a record starts
        byte[] cont = file.clone();
        cont[19] = 0x40;
        e = assertThrows(FormatException.class, () -> readAll(RecordIoReader.open(ByteSources.of(cont).input(), STRICT)));
        assertEquals(16, e.position().byteOffset());
        assertTrue(e.getMessage().contains("cflag 2"), e.getMessage());

        // trailing garbage: strict error, lenient ignores it
        byte[] trailing = java.util.Arrays.copyOf(file, file.length + 2);
        e = assertThrows(TruncatedInputException.class, () -> readAll(RecordIoReader.open(ByteSources.of(trailing).input(), STRICT)));
        assertEquals(file.length, e.position().byteOffset());
        RecordIoReadOptions lenient = STRICT.withRead(ReadOptions.defaults().withMode(ReadMode.LENIENT));
        RecordIoReader lr = RecordIoReader.open(ByteSources.of(trailing).input(), lenient);
        assertSame(payloads, readAll(lr), "lenient");
        assertEquals(2, lr.ignoredBytes());
        byte[] garbage = java.util.Arrays.copyOf(file, file.length + 13);
        garbage[file.length] = 7;
        RecordIoReader gr = RecordIoReader.open(ByteSources.of(garbage).input(), lenient);
        assertSame(payloads, readAll(gr), "lenient garbage");
        assertEquals(13, gr.ignoredBytes());
        e = assertThrows(FormatException.class, () -> readAll(RecordIoReader.open(ByteSources.of(garbage).input(), STRICT)));
        assertEquals(file.length, e.position().byteOffset());

        // multi-part policy REJECT
        byte[] multi = write(List.of(new byte[] {0x0A, 0x23, (byte) 0xD7, (byte) 0xCE, 1}), true);
        assertThrows(FormatException.class, () -> readAll(RecordIoReader.open(ByteSources.of(multi).input(), STRICT.withMultipart(MultipartPolicy.REJECT))));
    }

    @Test
    void writerRejectsOversizedPayloadsAndPublishesAtomically() throws Exception {
        Path f = tmp.resolve("a.rec");
        try (RecordIoWriter w = RecordIoWriter.open(f)) {
            w.write(new byte[] {1});
            assertThrows(IllegalArgumentException.class, () -> w.beginRecord(1 << 29));
            assertFalse(Files.exists(f), "not visible before commit");
            w.commit();
        }
        assertArrayEquals(FramingGen.dmlcFrame(List.of(new byte[] {1}), true), Files.readAllBytes(f));
        Path g = tmp.resolve("b.rec");
        RecordIoWriter w = RecordIoWriter.open(g);
        w.write(new byte[] {1});
        w.abort();
        w.close();
        assertFalse(Files.exists(g));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count());
        }
        // a large record bypasses the buffer and still matches the reference
        byte[] large = FramingGen.payload(new SplittableRandom(7), 1);
        large = new byte[5000];
        new SplittableRandom(3).nextBytes(large);
        System.arraycopy(FramingGen.MAGIC, 0, large, 4000, 4);
        assertArrayEquals(FramingGen.dmlcFrame(List.of(large), true), write(List.of(large), true));
    }

    @Test
    void iteratingAMillionMappedRecordsAllocatesLessThanOneMegabyte() throws Exception {
        Path f = tmp.resolve("million.rec");
        try (RecordIoWriter w = RecordIoWriter.open(f)) {
            byte[] p = new byte[8];
            for (int i = 0; i < 1_000_000; i++) {
                p[0] = (byte) i;
                p[1] = (byte) (i >> 8);
                w.write(p, 0, 1 + (i & 7));
            }
            w.commit();
        }
        try (RecordIoReader r = RecordIoReader.open(ByteSources.map(f).input(), STRICT)) {
            long sum = 0;
            // warm up the reader's one-time allocations (chunk view) on the first record
            assertTrue(r.next());
            long before = AllocationMeter.allocatedBytes();
            int n = 1;
            while (r.next()) {
                java.nio.ByteBuffer b = r.current();
                sum += b.get(b.position()) + b.remaining();
                n++;
            }
            long allocated = AllocationMeter.allocatedBytes() - before;
            assertEquals(1_000_000, n);
            assertTrue(sum != 0);
            assertTrue(allocated < 1 << 20, "allocated " + allocated + " bytes");
        }
    }
}

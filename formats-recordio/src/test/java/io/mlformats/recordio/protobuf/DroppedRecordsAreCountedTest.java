package io.mlformats.recordio.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.ReadStats;
import io.mlformats.testkit.Golden;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 1: a bit flip in a record header made the framing reader resynchronise past the record, and the
 * record reader's stats did not show it, so {@code validate} approved a file that had lost a record.
 */
class DroppedRecordsAreCountedTest {

    private static byte[] damaged() {
        byte[] d = Golden.bytes("recordio/dense_f32_5x4_label_f32.pbr").clone();
        d[62] ^= 0x40;   // the reproducer of the issue: the third record's header
        return d;
    }

    @Test
    void aRecordTheFramingReaderSkipsIsCountedAndReported() throws IOException {
        RecordProtobufReadOptions skip = RecordProtobufReadOptions.defaults().withRead(ReadOptions.defaults()
                .withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT));
        int delivered = 0;
        ReadStats stats;
        try (RecordProtobufReader r = RecordProtobufReader.open(ByteSources.of(damaged()).input(), skip)) {
            while (r.next()) {
                delivered++;
            }
            stats = r.stats().snapshot();
        }
        assertEquals(4, delivered);
        assertEquals(4, stats.records());
        assertEquals(1, stats.skipped(), "the dropped record is counted");
        assertEquals(1, stats.errors().size());
        FormatException e = stats.errors().get(0);
        assertEquals(60, e.position().byteOffset(), e.getMessage());
        assertEquals(5, stats.records() + stats.skipped(), "every record of the file is accounted for");
    }

    @Test
    void failFastStopsAtTheDamage() throws IOException {
        try (RecordProtobufReader r = RecordProtobufReader.open(ByteSources.of(damaged()).input(),
                RecordProtobufReadOptions.defaults())) {
            FormatException e = assertThrows(FormatException.class, () -> {
                while (r.next()) {
                    // read to the damage
                }
            });
            assertTrue(e.position().byteOffset() == 60, e.getMessage());
        }
    }

    /**
     * Split reading: the damaged bytes [60, 120) are no record start, so they belong to the split that reads up to
     * the next start (120): the split [0, 1) reports them at their file offset; the split [1, end) starts at 120.
     * Over any tiling the damage is reported exactly once, never skipped between two splits.
     */
    @Test
    void theDamageIsReportedAtItsFileOffsetByTheSplitThatOwnsIt() throws IOException {
        byte[] d = damaged();
        var object = ByteSources.seekable(d, "s3://b/part-3.pbr");
        try (RecordProtobufReader r = RecordProtobufReader.open(object, io.mlformats.core.ByteRange.of(0, 1),
                RecordProtobufReadOptions.defaults())) {
            assertTrue(r.next(), "the record at 0");
            FormatException e = assertThrows(FormatException.class, r::next);
            assertEquals(60, e.position().byteOffset(), e.getMessage());
            assertEquals("s3://b/part-3.pbr", e.position().source());
        }
        int rest = 0;
        try (RecordProtobufReader r = RecordProtobufReader.open(object, io.mlformats.core.ByteRange.of(1, d.length),
                RecordProtobufReadOptions.defaults())) {
            while (r.next()) {
                assertEquals(120 + 60L * rest, r.position().byteOffset());
                rest++;
            }
        }
        assertEquals(3, rest, "records 2..4");
    }
}

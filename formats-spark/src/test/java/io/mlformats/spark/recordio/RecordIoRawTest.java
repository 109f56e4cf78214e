package io.mlformats.spark.recordio;

import static io.mlformats.spark.recordio.RecordIoTesting.failure;
import static io.mlformats.spark.recordio.RecordIoTesting.onlyPart;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.recordio.RecordIoWriteOptions;
import io.mlformats.recordio.RecordIoWriter;
import io.mlformats.spark.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The {@code recordio} source: raw frames as {@code value binary}, and {@code framed=true} writes. */
@ExtendWith(SharedSpark.class)
class RecordIoRawTest {
    private static final StructType BINARY = new StructType().add("id", DataTypes.IntegerType)
            .add("value", DataTypes.BinaryType);

    @TempDir
    Path tmp;

    /** Payloads of lengths 0..40, one holding the magic at an aligned offset (the writer splits it). */
    private static List<byte[]> payloads() {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            byte[] p = new byte[i];
            for (int j = 0; j < i; j++) {
                p[j] = (byte) (i * 31 + j);
            }
            if (i == 20) {
                ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0xCED7230A);
            }
            out.add(p);
        }
        return out;
    }

    private static Dataset<Row> frame(List<byte[]> values) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rows.add(RowFactory.create(i, values.get(i)));
        }
        return SharedSpark.session().createDataFrame(rows, BINARY).coalesce(1);
    }

    private static byte[] libraryFile(List<byte[]> payloads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordIoWriter w = RecordIoWriter.open(out, RecordIoWriteOptions.defaults())) {
            for (byte[] p : payloads) {
                w.write(p);
            }
            w.commit();
        }
        return out.toByteArray();
    }

    private void assertReadsBack(Path dir, List<byte[]> expected) {
        SharedSpark.withConf(() -> {
            List<Row> rows = SharedSpark.session().read().format("recordio").load(dir.toString()).collectAsList();
            assertEquals(expected.size(), rows.size());
            List<byte[]> got = new ArrayList<>();
            rows.forEach(r -> got.add((byte[]) r.get(0)));
            // Splits may reorder partitions only across tasks; sort both sides by length (all distinct).
            got.sort((a, b) -> Integer.compare(a.length, b.length));
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), got.get(i), "record " + i);
            }
        }, "spark.sql.files.maxPartitionBytes", "256", "spark.sql.files.openCostInBytes", "0");
    }

    @Test
    void rawRoundTripMatchesTheLibraryWriterAndSplits() throws IOException {
        List<byte[]> payloads = payloads();
        Path out = tmp.resolve("raw");
        frame(payloads).write().format("recordio").save(out.toString());
        byte[] file = onlyPart(out, ".rec");
        assertArrayEquals(libraryFile(payloads), file);
        assertTrue(file.length > 1024, "several 256-byte splits: " + file.length);
        assertReadsBack(out, payloads);
        assertEquals(payloads.size(), SharedSpark.session().read().format("recordio").load(out.toString()).count());
    }

    @Test
    void framedValuesAreWrittenAsTheyAre() throws IOException {
        List<byte[]> payloads = payloads();
        List<byte[]> frames = new ArrayList<>();
        for (byte[] p : payloads) {
            frames.add(libraryFile(List.of(p)));
        }
        int lrecord = ByteBuffer.wrap(frames.get(20)).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
        assertEquals(1, lrecord >>> 29, "the planted magic makes a multi-part record");
        Path out = tmp.resolve("framed");
        frame(frames).write().format("recordio").option("framed", "true").save(out.toString());
        assertArrayEquals(libraryFile(payloads), onlyPart(out, ".rec"));
        assertReadsBack(out, payloads);
    }

    @Test
    void badFramedValuesAndNullsFailNamingTheRecord() {
        byte[] good = {0x0A, 0x23, (byte) 0xD7, (byte) 0xCE, 2, 0, 0, 0, 7, 7, 0, 0};
        byte[] badPadding = good.clone();
        badPadding[11] = 1;
        String msg = failure(() -> frame(List.of(good, badPadding)).write().format("recordio")
                .option("framed", "true").save(tmp.resolve("a").toString()));
        assertTrue(msg.contains(".rec, record 1: column 'value' (framed=true) is not a complete RecordIO record: "
                + "non-zero padding at byte 11"), msg);
        byte[] twoRecords = new byte[24];
        System.arraycopy(good, 0, twoRecords, 0, 12);
        System.arraycopy(good, 0, twoRecords, 12, 12);
        assertEquals("a second record starts at byte 12 (one record per value)", RawOutputWriter.checkFrames(twoRecords));
        assertEquals("truncated header at byte 0 (4 of 8 bytes)", RawOutputWriter.checkFrames(new byte[4]));
        byte[] firstOnly = good.clone();
        firstOnly[7] = 0x20; // cflag 1
        assertEquals("multi-part record without its last part (cflag 3)", RawOutputWriter.checkFrames(firstOnly));
        assertNull(RawOutputWriter.checkFrames(good));

        List<Row> rows = List.of(RowFactory.create(0, new byte[] {1}), RowFactory.create(1, null));
        String nulls = failure(() -> SharedSpark.session().createDataFrame(rows, BINARY).coalesce(1).write()
                .format("recordio").save(tmp.resolve("b").toString()));
        assertTrue(nulls.contains(".rec, record 1: column 'value' is null"), nulls);
        String type = failure(() -> SharedSpark.session().range(3).write().format("recordio")
                .option("valueColumnName", "id").save(tmp.resolve("c").toString()));
        assertTrue(type.contains("recordio: value column 'id' has type bigint; accepted: binary"), type);
    }
}

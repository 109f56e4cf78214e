package io.mlformats.parquet;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadOptions;
import io.mlformats.testkit.FuzzChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Arbitrary bytes (seeded with a valid file's tail) never make the readers throw anything but IOException; and
 * the campaign target {@link #noRecordLost}: only {@link FormatException} escapes a readable file and a fail-fast
 * and a skip-and-count read agree ({@link FuzzChecks#noRecordLost}).
 */
class ParquetReaderFuzzTest {

    /** The last input byte picks the reader (features or DeepAR) and the mode; the rest is the file. */
    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/parquet.dict")
    void noRecordLost(FuzzedDataProvider d) throws IOException {
        int flags = d.consumeByte();
        ReadMode mode = (flags & 2) != 0 ? ReadMode.LENIENT : ReadMode.STRICT;
        Path file = Files.createTempFile("fuzz", ".parquet");
        try {
            Files.write(file, d.consumeRemainingAsBytes());
            checkBoth(file, flags, mode);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Both reads of the chosen reader over the file ({@link FuzzChecks#noRecordLost}). */
    private static void checkBoth(Path file, int flags, ReadMode mode) {
        if ((flags & 1) == 0) {
            FuzzChecks.noRecordLost("parquet features " + mode, failFast -> FuzzChecks.cursor(
                    ParquetFeatureReader.open(file, ParquetFeatureReadOptions.defaults().withRead(read(mode, failFast)))),
                    List.of(FormatException.class));
        } else {
            FuzzChecks.noRecordLost("parquet deepar " + mode, failFast -> FuzzChecks.cursor(
                    DeepArParquetReader.open(file, DeepArParquetReadOptions.defaults().withRead(read(mode, failFast)))),
                    List.of(FormatException.class));
        }
    }

    private static ReadOptions read(ReadMode mode, boolean failFast) {
        return ReadOptions.defaults().withMode(mode)
                .withErrorPolicy(failFast ? ErrorPolicy.FAIL_FAST : ErrorPolicy.SKIP_AND_COLLECT);
    }

    @FuzzTest(maxDuration = "10s")
    void arbitraryBytes(byte[] data) throws IOException {
        Path file = Files.createTempFile("fuzz", ".parquet");
        try {
            Files.write(file, data);
            try (ParquetFeatureReader r = ParquetFeatureReader.open(file)) {
                while (r.next()) {
                    r.current();
                }
            } catch (IOException expected) {
                // FormatException or I/O: fine.
            }
            try (DeepArParquetReader r = DeepArParquetReader.open(file)) {
                while (r.next()) {
                    r.current();
                }
            } catch (IOException expected) {
                // fine
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

package io.mlformats.parquet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Arbitrary bytes (seeded with a valid file's tail) never make the readers throw anything but IOException. */
class ParquetReaderFuzzTest {

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

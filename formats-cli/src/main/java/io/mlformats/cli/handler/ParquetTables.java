package io.mlformats.cli.handler;

import java.io.IOException;
import java.nio.file.Path;
import io.mlformats.parquet.DeepArParquetReader;
import io.mlformats.core.FormatException;

/** Tells a DeepAR Parquet table (start + target columns) from a feature table. */
final class ParquetTables {
    private ParquetTables() {
    }

    static boolean isDeepAr(Path file) throws IOException {
        try (DeepArParquetReader r = DeepArParquetReader.open(file)) {
            return true;
        } catch (FormatException e) {
            if (e.detail().startsWith("a DeepAR table needs")) {
                return false;
            }
            throw e;
        }
    }
}

package io.mlformats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing must work with no Hadoop jar on the class path (ecosystem-notes §1.3): a child JVM without them writes
 * every codec; this JVM (which has them) reads the files back.
 */
class HadoopFreeWriteTest {
    @TempDir
    Path dir;

    /** Child-process entry point: writes one file per codec into args[0]. */
    public static void main(String[] args) throws IOException {
        boolean hadoop = HadoopFreeWriteTest.class.getClassLoader()
                .getResource("org/apache/hadoop/conf/Configuration.class") != null;
        for (ParquetCompression c : ParquetCompression.values()) {
            try (ParquetFeatureWriter w = ParquetFeatureWriter.open(Path.of(args[0], c + ".parquet"),
                    ParquetFeatureWriteOptions.defaults().withNumFeatures(2).withCompression(c))) {
                for (int i = 0; i < 100; i++) {
                    w.write(FeatureRows.denseRow(i, i * 0.5f, -i));
                }
                w.commit();
            }
        }
        System.out.print("hadoop=" + hadoop);
    }

    @Test
    void writesWithoutHadoopJars() throws Exception {
        String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.contains("hadoop-client"))
                .collect(Collectors.joining(File.pathSeparator));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, HadoopFreeWriteTest.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.endsWith("hadoop=false"), out);
        for (ParquetCompression c : ParquetCompression.values()) {
            try (ParquetFeatureReader r = ParquetFeatureReader.open(dir.resolve(c + ".parquet"))) {
                int n = 0;
                while (r.next()) {
                    assertEquals(n, r.current().label(0));
                    assertEquals(n * 0.5f, r.current().dense().floatValue(0));
                    assertEquals(-n, r.current().dense().floatValue(1));
                    n++;
                }
                assertEquals(100, n, c.name());
            }
        }
    }
}

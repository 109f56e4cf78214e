package io.mlformats.parquet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.jupiter.api.Test;

class ParquetRuntimeTest {

    /** Stand-in for parquet-java 1.13's writer builder: withConf(Configuration) only, no withCodecFactory. */
    public static class OldBuilder {
        /** The Hadoop overload 1.13 has; stands for it with another parameter type. */
        public OldBuilder withConf(String hadoopConf) {
            return this;
        }
    }

    /** Has withConf(ParquetConfiguration) but not withCodecFactory. */
    public static class HalfBuilder {
        /** As in 1.14. */
        public HalfBuilder withConf(ParquetConfiguration conf) {
            return this;
        }
    }

    @Test
    void currentClassPathHasTheWriterApi() {
        assertNull(ParquetRuntime.writerApiProblem(ParquetWriter.Builder.class));
        ParquetRuntime.requireWriterApi();
    }

    @Test
    void oldBuilderIsNamedWithVersionAndFix() {
        String p = ParquetRuntime.writerApiProblem(OldBuilder.class);
        assertTrue(p.contains("needs") || p.contains(">= 1.14.0"), p);
        assertTrue(p.contains("withConf"), p);
        assertTrue(p.contains("parquet-java unknown ("), p);
        assertTrue(p.contains("userClassPathFirst"), p);
        String h = ParquetRuntime.writerApiProblem(HalfBuilder.class);
        assertTrue(h.contains("withCodecFactory"), h);
    }

    @Test
    void startTextMatchesJavaTime() {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        StringBuilder sb = new StringBuilder("stale");
        SplittableRandom r = new SplittableRandom(11);
        long[] fixed = {0, -1, 86_399, 86_400, 951_782_400L /* 2000-02-29 */, -62_135_596_800L /* 0001-01-01 */,
            253_402_300_799L /* 9999-12-31 23:59:59 */};
        for (int i = 0; i < 20_000; i++) {
            long s = i < fixed.length ? fixed[i] : r.nextLong(-62_135_596_800L, 253_402_300_800L);
            StartText.appendDateTime(sb, s);
            assertEquals(LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC).format(f), sb.toString(), "second " + s);
        }
    }
}

package io.mlformats.benchmarks.jsonlines;

import io.mlformats.core.ByteSources;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.text.LineScanner;
import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.deepar.DeepArSeriesView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a DeepAR file into float32 target arrays (and dynamic_feat rows) three ways in the same run: our
 * {@link DeepArReader}, Jackson 3 streaming per line ({@code getFloatValue}, the spec's "Jackson streaming"
 * peer), and Jackson databind {@code readTree} per line. One op = the whole file; MB/s = file MB / (s/op),
 * records/s = {@code seriesCount} / (s/op) (printed at setup).
 *
 * <p>File: {@code -Djsonlines.bench.file=/path} (default {@code bench-data/deepar.json}); generated with
 * {@link DeepArDataGenerator} (>= 200 MB for the real measurement) when missing, at {@code -Djsonlines.bench.mb}
 * MB (default 200).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class DeepArReadBenchmark {
    @Param({""})
    public String file;

    private Path path;
    private final JsonFactory factory = JsonFactory.builder().build();
    private final ObjectMapper mapper = new ObjectMapper();
    private float[] target = new float[4096];
    private float[] row = new float[4096];

    @Setup(Level.Trial)
    public void setup() throws IOException {
        String f = file.isEmpty() ? System.getProperty("jsonlines.bench.file", "bench-data/deepar.json") : file;
        path = Path.of(f);
        if (!Files.exists(path)) {
            Files.createDirectories(path.toAbsolutePath().getParent());
            long mb = Long.getLong("jsonlines.bench.mb", 200);
            DeepArDataGenerator.generate(path, mb * 1_000_000L, 42);
        }
        long series = ours(null);
        System.out.printf("%n%s: %.1f MB, %d series%n", path, Files.size(path) / 1e6, series);
    }

    /** Our reader: mapped file, lines parsed in place, float[] buffers reused. */
    @Benchmark
    public long mlformats(Blackhole bh) throws IOException {
        return ours(bh);
    }

    private long ours(Blackhole bh) throws IOException {
        long n = 0;
        try (DeepArReader r = DeepArReader.open(path, DeepArReadOptions.training())) {
            while (r.next()) {
                DeepArSeriesView s = r.current();
                if (bh != null) {
                    bh.consume(s.targetArray());
                    bh.consume(s.dynamicFeatArray(0));
                }
                n++;
            }
        }
        return n;
    }

    /** Jackson 3 streaming, one parser per line over the mapped/heap bytes, float arrays filled by hand. */
    @Benchmark
    public long jacksonStreaming(Blackhole bh) throws IOException {
        long n = 0;
        try (LineScanner lines = new LineScanner(ByteSources.open(path, ReadLimits.defaults()),
                ReadLimits.defaults())) {
            while (lines.next()) {
                try (JsonParser p = factory.createParser(ObjectReadContext.empty(), lines.buffer(), lines.start(),
                        lines.length())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String name = p.currentName();
                        JsonToken t = p.nextToken();
                        if (name.equals("target")) {
                            int k = 0;
                            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                                if (k == target.length) {
                                    target = java.util.Arrays.copyOf(target, k * 2);
                                }
                                target[k++] = t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL ? Float.NaN
                                        : p.getFloatValue();
                            }
                            bh.consume(target);
                        } else if (name.equals("dynamic_feat")) {
                            while (p.nextToken() == JsonToken.START_ARRAY) {
                                int k = 0;
                                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                                    if (k == row.length) {
                                        row = java.util.Arrays.copyOf(row, k * 2);
                                    }
                                    row[k++] = p.getFloatValue();
                                }
                                bh.consume(row);
                            }
                        } else if (name.equals("start")) {
                            bh.consume(p.getString());
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                n++;
            }
        }
        return n;
    }

    /** Jackson databind readTree per line, then float arrays from the tree. */
    @Benchmark
    public long jacksonReadTree(Blackhole bh) throws IOException {
        long n = 0;
        try (LineScanner lines = new LineScanner(ByteSources.open(path, ReadLimits.defaults()),
                ReadLimits.defaults())) {
            while (lines.next()) {
                JsonNode node = mapper.readTree(lines.buffer(), lines.start(), lines.length());
                JsonNode t = node.get("target");
                float[] a = new float[t.size()];
                for (int i = 0; i < a.length; i++) {
                    JsonNode v = t.get(i);
                    a[i] = v.isNumber() ? v.floatValue() : Float.NaN;
                }
                bh.consume(a);
                for (JsonNode r : node.get("dynamic_feat")) {
                    float[] d = new float[r.size()];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = r.get(i).floatValue();
                    }
                    bh.consume(d);
                }
                n++;
            }
        }
        return n;
    }
}

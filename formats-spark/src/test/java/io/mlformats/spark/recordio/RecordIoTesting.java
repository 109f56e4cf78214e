package io.mlformats.spark.recordio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mlformats.spark.testproto.SageMakerRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.junit.jupiter.api.function.Executable;

/** Helpers of the RecordIO data source tests: the sagemaker-spark reference writer, part files, error text. */
final class RecordIoTesting {
    private RecordIoTesting() {
    }

    /**
     * sagemaker-spark's algorithm (ProtobufConverter + RecordIOOutputFormat), re-implemented on protobuf-java
     * from its documented behaviour: label (if any) as one float32 under "values"; a dense vector as float32
     * values; a sparse one as shape [size], then keys and float32 values in stored order; each serialized Record
     * framed as magic, length, payload, zero padding, frames concatenated.
     */
    static byte[] sageMakerSpark(List<Double> labels, List<Vector> features) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < features.size(); i++) {
            SageMakerRecords.Record.Builder record = SageMakerRecords.Record.newBuilder();
            if (labels != null) {
                SageMakerRecords.Float32Tensor label = SageMakerRecords.Float32Tensor.newBuilder()
                        .addValues(labels.get(i).floatValue()).build();
                record.putLabel("values", SageMakerRecords.Value.newBuilder().setFloat32Tensor(label).build());
            }
            SageMakerRecords.Float32Tensor.Builder t = SageMakerRecords.Float32Tensor.newBuilder();
            Vector v = features.get(i);
            if (v instanceof DenseVector d) {
                for (double x : d.values()) {
                    t.addValues((float) x);
                }
            } else {
                SparseVector s = (SparseVector) v;
                t.addShape(s.size());
                for (int k = 0; k < s.indices().length; k++) {
                    t.addKeys(s.indices()[k]);
                    t.addValues((float) s.values()[k]);
                }
            }
            record.putFeatures("values", SageMakerRecords.Value.newBuilder().setFloat32Tensor(t.build()).build());
            frame(out, record.build().toByteArray());
        }
        return out.toByteArray();
    }

    /**
     * The golden RecordIO folder of formats-testkit, from the test class path (a folder, or inside its jar). The
     * testkit's {@code Golden} class cannot be used here: its Jackson 3 needs a newer jackson-annotations than the
     * one Spark puts on the class path, so its sidecars are read with Spark's own Jackson 2.
     */
    static synchronized Path goldenFolder() {
        if (golden == null) {
            try {
                URI uri = RecordIoTesting.class.getClassLoader().getResource("golden/recordio/MANIFEST.md").toURI();
                if ("file".equals(uri.getScheme())) {
                    golden = Paths.get(uri).getParent();
                } else {
                    FileSystem fs;
                    try {
                        fs = FileSystems.newFileSystem(uri, Map.of());
                    } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                        fs = FileSystems.getFileSystem(uri);
                    }
                    golden = fs.getPath("/golden/recordio");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return golden;
    }

    private static Path golden;

    /** Golden files of a suffix, sorted by name. */
    static List<Path> goldenFiles(String suffix) {
        try (Stream<Path> s = Files.list(goldenFolder())) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A golden file copied into {@code dir} (Spark reads local files by path). */
    static Path copyGolden(String name, Path dir) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, Files.readAllBytes(goldenFolder().resolve(name)));
        return p;
    }

    /** The sidecar of a golden file, parsed with Spark's Jackson 2. */
    static JsonNode sidecar(String name) throws IOException {
        return new ObjectMapper().readTree(Files.readAllBytes(goldenFolder().resolve(name + ".json")));
    }

    /** One single-part RecordIO frame, as sagemaker-spark and the SDK write it. */
    static void frame(ByteArrayOutputStream out, byte[] payload) {
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(0xCED7230A).putInt(payload.length);
        out.writeBytes(head.array());
        out.writeBytes(payload);
        out.writeBytes(new byte[(4 - payload.length % 4) % 4]);
    }

    /** The payloads of a file of single-part frames (checked: magic, cflag 0, zero padding). */
    static List<byte[]> payloads(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> out = new ArrayList<>();
        while (b.hasRemaining()) {
            assertEquals(0xCED7230A, b.getInt(), "magic at " + (b.position() - 4));
            int lrecord = b.getInt();
            assertEquals(0, lrecord >>> 29, "cflag");
            byte[] p = new byte[lrecord];
            b.get(p);
            for (int i = 0; i < (4 - lrecord % 4) % 4; i++) {
                assertEquals(0, b.get(), "padding");
            }
            out.add(p);
        }
        return out;
    }

    /** The part files Spark wrote under {@code dir} (recursively), sorted by path. */
    static List<Path> parts(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("part-")
                    && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one part file of a {@code coalesce(1)} write. */
    static byte[] onlyPart(Path dir, String suffix) throws IOException {
        List<Path> parts = parts(dir, suffix);
        assertEquals(1, parts.size(), "part files: " + parts);
        return Files.readAllBytes(parts.get(0));
    }

    /** Runs {@code body}, expecting a failure; returns the messages of the whole cause chain, one per line. */
    static String failure(Executable body) {
        Throwable t = assertThrows(Throwable.class, body);
        List<String> messages = new ArrayList<>();
        for (Throwable c = t; c != null && messages.size() < 20; c = c.getCause()) {
            messages.add(c.getClass().getName() + ": " + c.getMessage());
        }
        return String.join("\n", messages);
    }
}

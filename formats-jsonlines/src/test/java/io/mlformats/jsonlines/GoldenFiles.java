package io.mlformats.jsonlines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Golden files read through the class loader, so they work when the testkit is a packaged jar (as in
 * {@code mvn verify}, where {@code io.mlformats.testkit.Golden.path} fails with FileSystemNotFoundException).
 * {@link #path} copies the file to a temporary directory once.
 */
public final class GoldenFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;

    private GoldenFiles() {
    }

    public static byte[] bytes(String relative) {
        try (InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream("golden/" + relative)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + relative);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String relative) {
        return JSON.readTree(bytes(relative));
    }

    /** Parses JSON text. */
    public static JsonNode jsonOf(String text) {
        return JSON.readTree(text);
    }

    public static synchronized Path path(String relative) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("mlformats-golden");
                dir.toFile().deleteOnExit();
            }
            Path p = dir.resolve(relative);
            if (!Files.exists(p)) {
                Files.createDirectories(p.getParent());
                Files.write(p, bytes(relative));
                p.toFile().deleteOnExit();
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

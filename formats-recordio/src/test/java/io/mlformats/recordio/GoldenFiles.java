package io.mlformats.recordio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The golden files as real files: copied from the test classpath ({@code golden/...}, provided by
 * formats-testkit) into a temporary directory once per JVM. Needed because {@code Golden.path} only works when
 * formats-testkit is a directory on the classpath; in a reactor {@code verify} it is a jar, and our readers map
 * files, which a zip file system cannot do.
 */
public final class GoldenFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;

    private GoldenFiles() {
    }

    /** A golden file by its path under {@code golden/}, e.g. {@code "recordio/dense_f32_5x4_label_f32.pbr"}. */
    public static synchronized Path path(String relative) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("mlformats-golden-");
                dir.toFile().deleteOnExit();
            }
            Path p = dir.resolve(relative);
            if (!Files.exists(p)) {
                try (InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream("golden/" + relative)) {
                    if (in == null) {
                        throw new IllegalArgumentException("no golden file " + relative + " on the classpath");
                    }
                    Files.createDirectories(p.getParent());
                    Files.copy(in, p);
                }
                p.toFile().deleteOnExit();
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String relative) {
        return JSON.readTree(bytes(relative));
    }
}

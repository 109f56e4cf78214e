package io.mlformats.libsvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The golden LibSVM files as real files. {@code io.mlformats.testkit.Golden} resolves them only when testkit's
 * resources are a directory; in a reactor {@code verify} they are inside testkit's jar, so this copies the
 * {@code golden/libsvm} tree out of the jar once (into {@code target/golden-copy}) so that files can be mapped.
 */
final class GoldenFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path root;

    private GoldenFiles() {
    }

    static synchronized Path root() {
        if (root != null) {
            return root;
        }
        URL u = GoldenFiles.class.getClassLoader().getResource("golden/libsvm/README.md");
        if (u == null) {
            throw new IllegalStateException("golden/libsvm not on the test classpath");
        }
        try {
            URI uri = u.toURI();
            if ("file".equals(uri.getScheme())) {
                root = Paths.get(uri).getParent().getParent();
            } else {
                Path dst = Paths.get("target", "golden-copy").toAbsolutePath();
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    Path src = fs.getPath("/golden/libsvm");
                    try (Stream<Path> all = Files.walk(src)) {
                        for (Path p : (Iterable<Path>) all::iterator) {
                            Path t = dst.resolve("libsvm").resolve(src.relativize(p).toString());
                            if (Files.isDirectory(p)) {
                                Files.createDirectories(t);
                            } else {
                                Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                            }
                        }
                    }
                }
                root = dst;
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no golden file " + relative);
        }
        return p;
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String relative) {
        return JSON.readTree(bytes(relative));
    }

    static List<Path> list(String folder, String suffix) {
        try (Stream<Path> s = Files.list(path(folder))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

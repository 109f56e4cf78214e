package io.mlformats.testkit;

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
 * The golden files written by the real tools (scikit-learn, the SageMaker Python SDK, MXNet, fastText, XGBoost),
 * copied from {@code shared/golden} with their provenance notes into this module's resources under
 * {@code golden/}, so a clone tests on its own. Each data file has a JSON sidecar saying what it contains.
 */
public final class Golden {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Golden() {
    }

    private static Path root;

    /**
     * The root folder of the golden files. When testkit's resources are a directory (IDE, {@code mvn test} in
     * one module) that directory is used; when they are inside testkit's jar (a reactor {@code verify}) the
     * {@code golden/} tree is extracted once into {@code java.io.tmpdir}, in a folder named after the jar's
     * size and time, so that tests can map real files.
     *
     * @return the directory holding {@code libsvm/}, {@code recordio/} and {@code jsonlines/}
     */
    public static synchronized Path root() {
        if (root != null) {
            return root;
        }
        URL u = Golden.class.getClassLoader().getResource("golden/libsvm/README.md");
        if (u == null) {
            throw new IllegalStateException("golden files not on the classpath");
        }
        try {
            URI uri = u.toURI();
            if ("file".equals(uri.getScheme())) {
                root = Paths.get(uri).getParent().getParent();
            } else {
                root = extract(uri);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path extract(URI inJar) throws IOException {
        String spec = inJar.getSchemeSpecificPart();
        Path jar = Paths.get(URI.create(spec.substring(0, spec.indexOf("!/"))));
        String stamp = Long.toHexString(Files.size(jar)) + "-" + Long.toHexString(Files.getLastModifiedTime(jar).toMillis());
        Path dst = Paths.get(System.getProperty("java.io.tmpdir"), "mlformats-golden-" + stamp);
        if (Files.isDirectory(dst)) {
            return dst;
        }
        // Extract beside the final name, then rename, so concurrent test JVMs never see a half-copied tree.
        Path tmp = Files.createTempDirectory(dst.getParent(), "mlformats-golden-tmp");
        try (FileSystem fs = FileSystems.newFileSystem(inJar, Map.of())) {
            Path src = fs.getPath("/golden");
            try (Stream<Path> all = Files.walk(src)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Path t = tmp.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        try {
            Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(dst)) {
                throw e;
            }
        }
        return dst;
    }

    /**
     * A golden file by its path relative to the golden root, e.g.
     * {@code "libsvm/real/xgboost_agaricus.txt.train"}.
     *
     * @param relative the path below the golden root, with {@code /} separators
     * @return the file, which exists
     * @throws IllegalArgumentException if there is no such golden file
     */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no golden file " + relative + " under " + root());
        }
        return p;
    }

    /**
     * The content of a golden file.
     *
     * @param relative the path below the golden root
     * @return the file's bytes
     */
    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a JSON file (a sidecar) under the golden root.
     *
     * @param relative the path below the golden root
     * @return the parsed tree
     */
    public static JsonNode json(String relative) {
        try {
            return JSON.readTree(Files.readAllBytes(path(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses JSON text (for comparing output with sidecar values).
     *
     * @param text JSON text
     * @return the parsed tree
     */
    public static JsonNode parseJson(String text) {
        return JSON.readTree(text);
    }

    /**
     * Files directly in a golden folder whose names end with {@code suffix}, sorted by name.
     *
     * @param folder the folder below the golden root
     * @param suffix the name ending to keep, e.g. {@code ".pbr"}
     * @return the matching files, sorted by name
     */
    public static List<Path> list(String folder, String suffix) {
        try (Stream<Path> s = Files.list(path(folder))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

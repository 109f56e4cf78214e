package io.mlformats.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
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

    /** The root folder of the golden files (a directory on the test classpath). */
    public static Path root() {
        URL u = Golden.class.getClassLoader().getResource("golden/README.md");
        if (u == null) {
            u = Golden.class.getClassLoader().getResource("golden/libsvm/README.md");
        }
        if (u == null) {
            throw new IllegalStateException("golden files not on the classpath");
        }
        try {
            Path p = Paths.get(u.toURI());
            return p.getParent().getFileName().toString().equals("golden") ? p.getParent()
                    : p.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A golden file by its path relative to the golden root, e.g. {@code "libsvm/real/xgboost_agaricus.txt.train"}. */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no golden file " + relative + " under " + root());
        }
        return p;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON file (a sidecar) under the golden root. */
    public static JsonNode json(String relative) {
        try {
            return JSON.readTree(Files.readAllBytes(path(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files directly in a golden folder whose names end with {@code suffix}, sorted by name. */
    public static List<Path> list(String folder, String suffix) {
        try (Stream<Path> s = Files.list(path(folder))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.mlformats.jsonlines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files SageMaker reads from a channel path: the file itself, or every regular file under a directory
 * (subdirectories included) except names starting with {@code .} and {@code _SUCCESS} (so Spark output folders
 * work), sorted by path. Stateless.
 */
public final class ChannelFiles {
    private ChannelFiles() {
    }

    /**
     * The files of a channel path, sorted: the file itself, or the regular files under a directory (hidden files
     * and {@code _SUCCESS} excluded).
     *
     * @param path a channel path: a single file or a directory
     * @return the file itself, or the directory's visible regular files other than {@code _SUCCESS} in sorted order
     * @throws IOException if {@code path} does not exist or the directory cannot be listed
     */
    public static List<Path> list(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return !n.startsWith(".") && !n.equals("_SUCCESS");
                    })
                    .sorted()
                    .toList();
        }
    }
}

package io.mlformats.cli.convert;

import io.mlformats.core.vector.LabeledRow;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Splits rows over shard files {@code part-00000.<ext>}, {@code part-00001.<ext>}, ... in an output directory, the
 * layout SageMaker's {@code ShardedByS3Key} distribution expects (one S3 prefix, many objects). Either round-robin
 * over a fixed number of shards (balanced, one pass) or contiguous runs of at most N rows (concatenating the
 * shards in name order gives the input order).
 *
 * <p>Atomic as a whole: shards are written into a hidden staging directory next to the output
 * ({@code .NAME.mlformats-tmp-PID-RANDOM}), which is renamed to the output directory on {@link #commit()};
 * {@link #abort()} deletes it, and the next conversion to the same output deletes those of killed processes. The output directory must not exist
 * or be empty, or (replace, {@code --force}) hold only shard files. Not thread-safe.
 */
public final class ShardedRowSink implements RowSink {
    /** A shard file's name: what {@code --force} may replace. */
    private static final java.util.regex.Pattern SHARD = java.util.regex.Pattern.compile("part-\\d{5,}\\..+");
    private final Path output;
    private final Path staging;
    private final SinkFactory factory;
    private final String suffix;
    private final int shards;
    private final long maxPerShard;
    private final boolean replace;
    private final List<RowSink> open = new ArrayList<>();
    private long rows;
    private int created;
    private boolean done;

    private ShardedRowSink(Path output, SinkFactory factory, String suffix, int shards, long maxPerShard,
                           boolean replace) throws IOException {
        this.output = output.toAbsolutePath();
        this.factory = factory;
        this.suffix = suffix;
        this.shards = shards;
        this.maxPerShard = maxPerShard;
        this.replace = replace;
        if (Files.exists(this.output)) {
            if (!Files.isDirectory(this.output)) {
                throw new FileAlreadyExistsException(this.output.toString(), null,
                        "exists and is not a directory (sharded output is a directory)");
            }
            try (Stream<Path> s = Files.list(this.output)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (!replace) {
                        throw new DirectoryNotEmptyException(this.output
                                + " (sharded output needs a new or empty directory; --force replaces one that "
                                + "holds only shard files)");
                    }
                    if (!SHARD.matcher(p.getFileName().toString()).matches()) {
                        throw new DirectoryNotEmptyException(this.output + " (it holds " + p.getFileName()
                                + ", not only shard files part-NNNNN.*, so --force does not replace it)");
                    }
                }
            }
        }
        Path parent = this.output.getParent();
        Files.createDirectories(parent);
        String prefix = "." + this.output.getFileName() + ".mlformats-tmp-";
        removeStaleStaging(parent, prefix);
        this.staging = Files.createDirectory(parent.resolve(prefix + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16)));
    }

    /**
     * Deletes staging directories of this output left by conversions whose process is gone (killed: a live one
     * would have deleted or renamed its own). The owner's PID is in the name; a PID the OS has given to another
     * process keeps its directory until that process ends too.
     */
    static void removeStaleStaging(Path parent, String prefix) {
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : s) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                try {
                    long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                    if (ProcessHandle.of(pid).isEmpty()) {
                        deleteTree(p);
                    }
                } catch (NumberFormatException notOurs) {
                    // Not a name this class made: leave it.
                }
            }
        } catch (IOException ignored) {
            // Best effort: the directories are hidden and say what they are.
        }
    }

    /** {@code n} shards filled round-robin, into a new or empty directory. */
    public static ShardedRowSink roundRobin(Path output, SinkFactory f, String suffix, int n) throws IOException {
        return roundRobin(output, f, suffix, n, false);
    }

    /**
     * {@code n} shards filled round-robin; {@code replace}: an existing directory of shard files is replaced
     * ({@code --force}).
     */
    public static ShardedRowSink roundRobin(Path output, SinkFactory f, String suffix, int n, boolean replace)
            throws IOException {
        if (n < 1) {
            throw new IllegalArgumentException("--shards must be >= 1: " + n);
        }
        return new ShardedRowSink(output, f, suffix, n, 0, replace);
    }

    /** Shards of at most {@code max} contiguous rows, into a new or empty directory. */
    public static ShardedRowSink contiguous(Path output, SinkFactory f, String suffix, long max) throws IOException {
        return contiguous(output, f, suffix, max, false);
    }

    /**
     * Shards of at most {@code max} contiguous rows; {@code replace}: an existing directory of shard files is
     * replaced ({@code --force}).
     */
    public static ShardedRowSink contiguous(Path output, SinkFactory f, String suffix, long max, boolean replace)
            throws IOException {
        if (max < 1) {
            throw new IllegalArgumentException("--max-records-per-shard must be >= 1: " + max);
        }
        return new ShardedRowSink(output, f, suffix, 0, max, replace);
    }

    /** Name of shard {@code i}: {@code part-00000.pbr}, five digits at least, so names sort in shard order. */
    public static String shardName(int i, String suffix) {
        return String.format(Locale.ROOT, "part-%05d.%s", i, suffix);
    }

    /** The hidden directory shards go to until commit (for tests and cleanup). */
    public Path staging() {
        return staging;
    }

    @Override
    public void write(LabeledRow row) throws IOException {
        RowSink sink;
        if (shards > 0) {
            int i = (int) (rows % shards);
            while (open.size() <= i) {
                open.add(factory.open(staging.resolve(shardName(created++, suffix))));
            }
            sink = open.get(i);
        } else {
            if (rows % maxPerShard == 0) {
                if (!open.isEmpty()) {
                    open.remove(0).commit();
                }
                open.add(factory.open(staging.resolve(shardName(created++, suffix))));
            }
            sink = open.get(0);
        }
        sink.write(row);
        rows++;
    }

    @Override
    public void commit() throws IOException {
        if (open.isEmpty() && created == 0) {
            // No rows: one empty shard, so the channel is not an empty prefix.
            open.add(factory.open(staging.resolve(shardName(created++, suffix))));
        }
        for (RowSink s : open) {
            s.commit();
        }
        open.clear();
        // The old directory (empty, or with --force shard files only: checked at start) goes aside, not away,
        // until the new one is in place; a crash in between leaves no output and the old shards in the hidden
        // .NAME.mlformats-old, never a mix of old and new shards.
        Path aside = null;
        if (Files.isDirectory(output)) {
            aside = output.resolveSibling("." + output.getFileName() + ".mlformats-old");
            deleteTree(aside);
            Files.move(output, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (aside != null) {
                try {
                    Files.move(aside, output, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw e;
        }
        done = true;
        if (aside != null) {
            deleteTree(aside);
        }
    }

    @Override
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        for (RowSink s : open) {
            s.abort();
        }
        open.clear();
        deleteTree(staging);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort: the name is hidden and marked .tmp.
                }
            });
        } catch (IOException ignored) {
            // Best effort.
        }
    }
}

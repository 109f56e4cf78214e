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
 * <p>Atomic as a whole: shards are written into a hidden staging directory next to the output, which is renamed
 * to the output directory on {@link #commit()}; {@link #abort()} deletes it. The output directory must not exist
 * or be empty. Not thread-safe.
 */
public final class ShardedRowSink implements RowSink {
    private final Path output;
    private final Path staging;
    private final SinkFactory factory;
    private final String suffix;
    private final int shards;
    private final long maxPerShard;
    private final List<RowSink> open = new ArrayList<>();
    private long rows;
    private int created;
    private boolean done;

    private ShardedRowSink(Path output, SinkFactory factory, String suffix, int shards, long maxPerShard)
            throws IOException {
        this.output = output.toAbsolutePath();
        this.factory = factory;
        this.suffix = suffix;
        this.shards = shards;
        this.maxPerShard = maxPerShard;
        if (Files.exists(this.output)) {
            if (!Files.isDirectory(this.output)) {
                throw new FileAlreadyExistsException(this.output + " exists and is not a directory");
            }
            try (Stream<Path> s = Files.list(this.output)) {
                if (s.findAny().isPresent()) {
                    throw new DirectoryNotEmptyException(this.output + " (sharded output needs a new or empty directory)");
                }
            }
        }
        Path parent = this.output.getParent();
        Files.createDirectories(parent);
        this.staging = Files.createDirectory(parent.resolve("." + this.output.getFileName() + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16)));
    }

    /** {@code n} shards filled round-robin. */
    public static ShardedRowSink roundRobin(Path output, SinkFactory f, String suffix, int n) throws IOException {
        if (n < 1) {
            throw new IllegalArgumentException("--shards must be >= 1: " + n);
        }
        return new ShardedRowSink(output, f, suffix, n, 0);
    }

    /** Shards of at most {@code max} contiguous rows. */
    public static ShardedRowSink contiguous(Path output, SinkFactory f, String suffix, long max) throws IOException {
        if (max < 1) {
            throw new IllegalArgumentException("--max-records-per-shard must be >= 1: " + max);
        }
        return new ShardedRowSink(output, f, suffix, 0, max);
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
        if (Files.isDirectory(output)) {
            Files.delete(output); // checked empty at start
        }
        Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
        done = true;
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

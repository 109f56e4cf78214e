package io.mlformats.libsvm;

import io.mlformats.core.internal.CsrBuilders;
import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSource;
import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.vector.CsrMatrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a whole LibSVM input into a {@link CsrMatrix} in one pass (the width is inferred while parsing, arrays
 * grow geometrically), on one thread or on several.
 *
 * <p>{@link #loadParallel(ByteSource, int)} cuts a random-access source into byte ranges at line starts (a line
 * belongs to the range holding its first byte), parses the ranges on separate threads and joins them in order.
 * The result, the error raised under fail-fast (the first bad line of the input) and the collected errors under
 * skip-and-collect are identical to the single-threaded load: line numbers and record indices are rebased onto
 * the whole input.
 *
 * <p>{@link IndexBase#AUTO} is decided once over the whole input: rows are parsed with their indices as written,
 * and if the input turns out to be one-based every loaded index is decremented at the end. A given
 * {@code numFeatures} is then checked after the decision, and a violation is always fatal (it is only known once
 * the whole input was seen).
 *
 * <p>A loader is reusable but not thread-safe; {@link #stats()} describes the last load.
 */
public final class LibSvmLoader {
    private final LibSvmOptions options;
    private ReadStats stats;

    public LibSvmLoader(LibSvmOptions options) {
        this.options = options;
        this.stats = new ReadCounter(options.read().maxErrorsKept());
    }

    /** Loads a file on the calling thread (gzip detected by content). */
    public static CsrMatrix load(Path file, LibSvmOptions options) throws IOException {
        return new LibSvmLoader(options).load(file);
    }

    /** Loads bytes held in memory on the calling thread (gzip detected by content). */
    public static CsrMatrix load(byte[] bytes, LibSvmOptions options) throws IOException {
        return new LibSvmLoader(options).load(ByteSources.input(ByteSources.of(bytes), options.read().limits()));
    }

    /** Loads a file on {@code threads} threads; gzip files are decompressed and parsed on one thread. */
    public static CsrMatrix loadParallel(Path file, LibSvmOptions options, int threads) throws IOException {
        LibSvmLoader loader = new LibSvmLoader(options);
        if (ByteSources.isGzip(file)) {
            return loader.load(file);
        }
        try (ByteSource src = ByteSources.map(file)) {
            return loader.loadParallel(src, threads);
        }
    }

    /** Counters of the last load: rows, warnings, skipped rows and their errors. */
    public ReadStats stats() {
        return stats;
    }

    public CsrMatrix load(Path file) throws IOException {
        return load(ByteSources.open(file, options.read().limits()));
    }

    /** Loads everything {@code input} holds, then closes it. */
    public CsrMatrix load(ByteInput input) throws IOException {
        Chunk c = new Chunk(0);
        try (LibSvmReader r = new LibSvmReader(input, options, firstPassBase())) {
            c.run(r, options);
        }
        rethrow(c.failure);
        stats = c.reader.stats();
        return finish(List.of(c));
    }

    /**
     * Loads a random-access source on {@code threads} threads (1 means the calling thread only). The source is
     * not closed.
     */
    public CsrMatrix loadParallel(ByteSource source, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        long[] cuts = splitPoints(source, threads);
        List<Chunk> chunks = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            Chunk c = new Chunk(k);
            chunks.add(c);
            ByteInput in = source.input(cuts[k], cuts[k + 1]);
            Runnable task = () -> {
                try (LibSvmReader r = new LibSvmReader(in, options, firstPassBase())) {
                    c.run(r, options);
                } catch (IOException | RuntimeException | Error e) {
                    c.failure = e;
                }
            };
            if (k == threads - 1) {
                task.run();
            } else {
                Thread t = new Thread(task, "libsvm-load-" + k);
                t.setDaemon(true);
                t.start();
                workers.add(t);
            }
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while loading " + source.name());
            }
        }
        long linesBefore = 0;
        long recordsBefore = 0;
        ReadCounter merged = new ReadCounter(options.read().maxErrorsKept());
        for (Chunk c : chunks) {
            if (c.failure instanceof FormatException fe) {
                throw fe.shifted(linesBefore, recordsBefore);
            }
            rethrow(c.failure);
            c.rebaseViolations(linesBefore, recordsBefore);
            merged.merge(c.reader.stats(), linesBefore, recordsBefore);
            linesBefore += c.reader.lineCount();
            recordsBefore += c.reader.recordCount();
        }
        merged.setBytes(source.size());
        stats = merged;
        return finish(chunks);
    }

    /**
     * Offsets {@code 0 = c[0] <= c[1] <= ... <= c[parts] = size} cutting {@code source} into {@code parts}
     * ranges of about equal size, each cut at the start of a line (just after a {@code '\n'}).
     */
    public static long[] splitPoints(ByteSource source, int parts) {
        long size = source.size();
        long[] cuts = new long[parts + 1];
        cuts[parts] = size;
        for (int k = 1; k < parts; k++) {
            long target = Math.max(size / parts * k, cuts[k - 1]);
            long at = target == 0 ? 0 : lineStartAtOrAfter(source, target);
            cuts[k] = Math.max(at, cuts[k - 1]);
        }
        return cuts;
    }

    private static long lineStartAtOrAfter(ByteSource source, long target) {
        long size = source.size();
        for (long i = target - 1; i < size; i++) {
            if (source.get(i) == '\n') {
                return i + 1;
            }
        }
        return size;
    }

    private IndexBase firstPassBase() {
        return options.indexBase();
    }

    private CsrMatrix finish(List<Chunk> chunks) throws FormatException {
        Chunk first = chunks.get(0);
        long minRaw = Long.MAX_VALUE;
        long maxCol = 0;
        for (Chunk c : chunks) {
            minRaw = Math.min(minRaw, c.reader.minRawIndex());
            maxCol = Math.max(maxCol, c.reader.maxColumnPlusOne());
        }
        boolean shiftDown = false;
        if (options.indexBase() == IndexBase.AUTO) {
            shiftDown = LibSvmReader.decide(minRaw) == IndexBase.ONE;
            if (shiftDown) {
                maxCol--;
            }
            if (options.hasNumFeatures()) {
                FormatException v = null;
                for (Chunk c : chunks) {
                    v = shiftDown ? c.oneBasedViolation : c.zeroBasedViolation;
                    if (v != null) {
                        throw v;
                    }
                }
            }
        }
        List<CsrMatrix.Builder> parts = new ArrayList<>(chunks.size());
        for (Chunk c : chunks) {
            if (shiftDown) {
                CsrBuilders.access().shiftIndices(c.builder, -1);
            }
            parts.add(c.builder);
        }
        first.builder.numCols(options.hasNumFeatures() ? options.numFeatures() : maxCol);
        return CsrBuilders.access().build(parts);
    }

    /** One byte range being loaded: its builder, its reader, and what the AUTO decision needs. */
    private static final class Chunk {
        final int index;
        CsrMatrix.Builder builder;
        LibSvmReader reader;
        Throwable failure;
        FormatException zeroBasedViolation;
        FormatException oneBasedViolation;

        Chunk(int index) {
            this.index = index;
        }

        void run(LibSvmReader r, LibSvmOptions o) {
            reader = r;
            builder = CsrMatrix.builder(o.valueType());
            boolean checkAutoWidth = o.indexBase() == IndexBase.AUTO && o.hasNumFeatures();
            long nf = o.numFeatures();
            try {
                while (r.next()) {
                    LibSvmRow row = r.current();
                    if (o.multiLabel()) {
                        builder.addMultiLabelRow(row.features(), row.labelArray(), row.labelCount(), row.weight(),
                                row.hasWeight(), row.qid(), row.hasQid());
                    } else {
                        builder.addRow(row.features(), row.label(), row.weight(), row.hasWeight(), row.qid(),
                                row.hasQid());
                    }
                    if (checkAutoWidth && row.nnz() > 0) {
                        long top = row.features().index(row.nnz() - 1);
                        if (zeroBasedViolation == null && top >= nf) {
                            zeroBasedViolation = widthError(r, top, nf, "zero-based");
                        }
                        if (oneBasedViolation == null && top - 1 >= nf) {
                            oneBasedViolation = widthError(r, top, nf, "one-based");
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }

        private static FormatException widthError(LibSvmReader r, long raw, long nf, String base) {
            return new FormatException(r.position(), "feature index " + raw + " is not below numFeatures " + nf
                    + " (IndexBase.AUTO decided the input is " + base + ")");
        }

        void rebaseViolations(long linesBefore, long recordsBefore) {
            if (zeroBasedViolation != null) {
                zeroBasedViolation = zeroBasedViolation.shifted(linesBefore, recordsBefore);
            }
            if (oneBasedViolation != null) {
                oneBasedViolation = oneBasedViolation.shifted(linesBefore, recordsBefore);
            }
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) t;
    }
}

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
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads a whole LibSVM input into a {@link CsrMatrix} in one pass (the width is inferred while parsing, arrays
 * grow geometrically), on one thread or on several.
 *
 * <p>{@link #loadParallel(ByteSource, int)} cuts a random-access source into byte ranges at line starts (a line
 * belongs to the range holding its first byte), parses the ranges on separate threads and joins them in order.
 * The result, the error raised under fail-fast (the first bad line of the input) and the collected errors under
 * skip-and-collect are identical to the single-threaded load: line numbers and record indices are rebased onto
 * the whole input. When a range fails, the ranges after it stop early (the ranges before it still finish, since
 * one of them may hold an earlier error); when the calling thread is interrupted, every range stops. Either way
 * no task of the load is still running when the call returns or throws.
 *
 * <p>{@link IndexBase#AUTO} is decided once over the whole input: rows are parsed with their indices as written,
 * and if the input turns out to be one-based every loaded index is decremented at the end. A given
 * {@code numFeatures} is then checked after the decision, and a violation is always fatal (it is only known once
 * the whole input was seen).
 *
 * <p>A loader is reusable but not thread-safe; {@link #stats()} describes the last load. The matrices it returns
 * are owned by the caller.
 */
public final class LibSvmLoader {
    /** Rows parsed between two checks for a stop request. */
    private static final int CHECK_EVERY = 1024;

    private final LibSvmReadOptions options;
    private ReadStats stats;

    /**
     * A loader with these options.
     *
     * @param options how to parse the input; used by every load of this loader
     */
    public LibSvmLoader(LibSvmReadOptions options) {
        this.options = options;
        this.stats = new ReadCounter(options.read().maxErrorsKept());
    }

    /**
     * Loads a file on the calling thread (gzip detected by content).
     *
     * @param file    the LibSVM file, plain or gzip-compressed
     * @param options how to parse it
     * @return a new matrix owned by the caller
     * @throws IOException if the file cannot be read, or a {@link FormatException} for a bad line under fail-fast
     *                     or a declared {@code numFeatures} the data exceeds
     */
    public static CsrMatrix load(Path file, LibSvmReadOptions options) throws IOException {
        return new LibSvmLoader(options).load(file);
    }

    /**
     * Loads bytes held in memory on the calling thread (gzip detected by content); the array is not kept.
     *
     * @param bytes   LibSVM text, plain or gzip-compressed; read during the call only
     * @param options how to parse it
     * @return a new matrix owned by the caller
     * @throws IOException if gzip-compressed bytes are corrupt, or a {@link FormatException} for a bad line under
     *                     fail-fast or a declared {@code numFeatures} the data exceeds
     */
    public static CsrMatrix load(byte[] bytes, LibSvmReadOptions options) throws IOException {
        try (ByteInput in = ByteSources.input(ByteSources.of(bytes), options.read().limits())) {
            return new LibSvmLoader(options).load(in);
        }
    }

    /**
     * Loads a file on {@code threads} threads (a bounded pool shut down before returning); gzip files are
     * decompressed and parsed on one thread.
     *
     * @param file    the LibSVM file, plain or gzip-compressed
     * @param options how to parse it
     * @param threads number of threads, the calling thread included; at least 1
     * @return a new matrix owned by the caller, identical to the single-threaded load
     * @throws IOException              if the file cannot be read, or a {@link FormatException} as in
     *                                  {@link #load(Path, LibSvmReadOptions)}
     * @throws IllegalArgumentException if {@code threads} is below 1 for a file that is not gzip-compressed
     */
    public static CsrMatrix loadParallel(Path file, LibSvmReadOptions options, int threads) throws IOException {
        LibSvmLoader loader = new LibSvmLoader(options);
        if (ByteSources.isGzip(file)) {
            return loader.load(file);
        }
        try (ByteSource src = ByteSources.map(file)) {
            return loader.loadParallel(src, threads);
        }
    }

    /**
     * Counters of the last load: rows, warnings, skipped rows and their errors.
     *
     * @return the counters of the most recent load (all zero before the first one)
     */
    public ReadStats stats() {
        return stats;
    }

    /**
     * Loads a file on the calling thread (gzip detected by content); the file is closed before returning.
     *
     * @param file the LibSVM file, plain or gzip-compressed
     * @return a new matrix owned by the caller
     * @throws IOException if the file cannot be read, or a {@link FormatException} as in
     *                     {@link #load(Path, LibSvmReadOptions)}
     */
    public CsrMatrix load(Path file) throws IOException {
        try (ByteInput in = ByteSources.open(file, options.read().limits())) {
            return load(in);
        }
    }

    /**
     * Loads everything {@code input} holds on the calling thread. The caller owns {@code input}.
     *
     * @param input the input, read from its current position to its end; not closed
     * @return a new matrix owned by the caller
     * @throws IOException if the input cannot be read, or a {@link FormatException} as in
     *                     {@link #load(Path, LibSvmReadOptions)}
     */
    public CsrMatrix load(ByteInput input) throws IOException {
        Chunk c = new Chunk(0, null);
        try (LibSvmReader r = new LibSvmReader(input, options, firstPassBase(), false)) {
            c.run(r, options);
        }
        rethrow(c.failure);
        stats = c.reader.stats();
        return finish(List.of(c));
    }

    /**
     * Loads a random-access source on {@code threads} threads: the calling thread and a pool of
     * {@code threads - 1} threads started for this call and shut down before it returns (1 means the calling
     * thread only). The caller owns {@code source}; it is not closed.
     *
     * @param source  the random-access source holding the whole LibSVM input
     * @param threads number of threads, the calling thread included; at least 1
     * @return a new matrix owned by the caller, identical to the single-threaded load
     * @throws java.io.InterruptedIOException if the calling thread is interrupted (its interrupt status is kept)
     * @throws IOException                    if the source cannot be read, or a {@link FormatException} as in
     *                                        {@link #load(Path, LibSvmReadOptions)}
     * @throws IllegalArgumentException       if {@code threads} is below 1
     */
    public CsrMatrix loadParallel(ByteSource source, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (threads == 1) {
            return loadParallel(source, 1, Runnable::run);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads - 1, task -> {
            Thread t = new Thread(task, "libsvm-load-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        try {
            return loadParallel(source, threads, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Loads a random-access source cut into {@code parts} ranges: {@code parts - 1} of them parsed by tasks given
     * to {@code executor}, the last one on the calling thread. The executor stays the caller's (it is not shut
     * down); a task it runs after the load was stopped returns at once. The caller owns {@code source}.
     *
     * @param source   the random-access source holding the whole LibSVM input
     * @param parts    number of byte ranges the source is cut into; at least 1
     * @param executor runs the {@code parts - 1} range tasks; it is neither shut down nor kept
     * @return a new matrix owned by the caller, identical to the single-threaded load
     * @throws java.io.InterruptedIOException if the calling thread is interrupted (its interrupt status is kept)
     * @throws IOException                    if the source cannot be read, the executor refuses a task, or a
     *                                        {@link FormatException} as in {@link #load(Path, LibSvmReadOptions)}
     * @throws IllegalArgumentException       if {@code parts} is below 1
     */
    public CsrMatrix loadParallel(ByteSource source, int parts, Executor executor) throws IOException {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be >= 1: " + parts);
        }
        long[] cuts = splitPoints(source, parts);
        Control control = new Control(parts);
        List<Chunk> chunks = new ArrayList<>(parts);
        List<FutureTask<Void>> tasks = new ArrayList<>(parts);
        for (int k = 0; k < parts; k++) {
            chunks.add(new Chunk(k, control));
        }
        try {
            for (int k = 0; k < parts - 1; k++) {
                Chunk c = chunks.get(k);
                ByteInput in = source.input(cuts[k], cuts[k + 1]);
                FutureTask<Void> task = new FutureTask<>(() -> {
                    if (control.start(c.index)) {
                        try {
                            c.load(in, options);
                        } finally {
                            control.finished();
                        }
                    }
                    return null;
                });
                tasks.add(task);
                try {
                    executor.execute(task);
                } catch (RejectedExecutionException e) {
                    if (control.start(c.index)) {
                        c.failure = new IOException("the executor refused a part of the load of " + source.name(),
                                e);
                        control.failed(c.index);
                        control.finished();
                    }
                }
            }
            Chunk last = chunks.get(parts - 1);
            if (control.start(last.index)) {
                try {
                    last.load(source.input(cuts[parts - 1], cuts[parts]), options);
                } finally {
                    control.finished();
                }
            }
            control.await(source.name());
        } finally {
            control.stopAllAndWait();
        }
        for (FutureTask<Void> t : tasks) {
            if (t.isDone()) {
                rethrowError(t);
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
            if (c.reader == null || c.stopped) {
                throw new IllegalStateException("part " + c.index + " of the load was stopped without a reason");
            }
            c.rebaseViolations(linesBefore, recordsBefore);
            merged.merge(c.reader.stats(), linesBefore, recordsBefore);
            linesBefore += c.reader.lineCount();
            recordsBefore += c.reader.recordCount();
        }
        merged.setBytes(source.size());
        stats = merged;
        return finish(chunks);
    }

    /** An {@link Error} thrown by a task is the caller's, unchanged. */
    private static void rethrowError(FutureTask<Void> t) {
        try {
            t.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
        } catch (InterruptedException | CancellationException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Offsets {@code 0 = c[0] <= c[1] <= ... <= c[parts] = size} cutting {@code source} into {@code parts}
     * ranges of about equal size, each cut at the start of a line (just after a {@code '\n'}).
     */
    static long[] splitPoints(ByteSource source, int parts) {
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

    /**
     * Which parts of a parallel load run: a part starts at most once (by its task, or claimed by the caller to
     * keep it from running), a failed part stops the parts after it, an interrupt stops all, and the caller waits
     * until every started part has finished.
     */
    private static final class Control {
        private final AtomicBoolean[] started;
        private final CountDownLatch done;
        /** Parts with a higher index than this stop; MAX_VALUE while none has to. */
        private final AtomicInteger stopAfter = new AtomicInteger(Integer.MAX_VALUE);

        Control(int parts) {
            started = new AtomicBoolean[parts];
            for (int k = 0; k < parts; k++) {
                started[k] = new AtomicBoolean();
            }
            done = new CountDownLatch(parts);
        }

        /** Claims part {@code k}; false if it was claimed already or the load is stopping past it. */
        boolean start(int k) {
            if (!started[k].compareAndSet(false, true)) {
                return false;
            }
            if (k > stopAfter.get()) {
                done.countDown();
                return false;
            }
            return true;
        }

        void finished() {
            done.countDown();
        }

        void failed(int k) {
            stopAfter.accumulateAndGet(k, Math::min);
        }

        boolean stopped(int k) {
            return k > stopAfter.get();
        }

        /** Waits for every part; an interrupt stops them all and is reported (the interrupt status is kept). */
        void await(String name) throws InterruptedIOException {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while loading " + name);
            }
        }

        /** Stops every part not finished, keeps unstarted ones from starting, and waits for the running ones. */
        void stopAllAndWait() {
            if (done.getCount() == 0) {
                return;
            }
            stopAfter.set(-1);
            for (int k = 0; k < started.length; k++) {
                if (started[k].compareAndSet(false, true)) {
                    done.countDown();
                }
            }
            boolean interrupted = Thread.interrupted();
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
        final Control control;
        CsrMatrix.Builder builder;
        LibSvmReader reader;
        Exception failure;
        boolean stopped;
        FormatException zeroBasedViolation;
        FormatException oneBasedViolation;

        Chunk(int index, Control control) {
            this.index = index;
            this.control = control;
        }

        /** Loads one range of a parallel load; a failure stops the parts after this one. */
        void load(ByteInput in, LibSvmReadOptions o) {
            try (LibSvmReader r = new LibSvmReader(in, o, o.indexBase(), true)) {
                run(r, o);
            } catch (IOException | RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
            if (failure != null) {
                control.failed(index);
            }
        }

        /** True if the load asked this part to stop (checked every {@link #CHECK_EVERY} rows). */
        private boolean stopRequested() throws InterruptedIOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while loading part " + index);
            }
            if (control.stopped(index)) {
                stopped = true;
                return true;
            }
            return false;
        }

        void run(LibSvmReader r, LibSvmReadOptions o) {
            reader = r;
            builder = CsrMatrix.builder(o.valueType());
            boolean checkAutoWidth = o.indexBase() == IndexBase.AUTO && o.hasNumFeatures();
            long nf = o.numFeatures();
            int sinceCheck = 0;
            try {
                while (r.next()) {
                    if (control != null && ++sinceCheck == CHECK_EVERY) {
                        sinceCheck = 0;
                        if (stopRequested()) {
                            return;
                        }
                    }
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

    private static void rethrow(Exception t) throws IOException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        throw (RuntimeException) t;
    }
}

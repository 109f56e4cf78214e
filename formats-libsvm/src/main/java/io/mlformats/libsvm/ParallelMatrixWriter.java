package io.mlformats.libsvm;

import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.libsvm.internal.TextSink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The pipeline behind {@link LibSvmWriter#write(CsrMatrix, int)}: worker threads format blocks of whole rows into
 * pooled buffers, the calling thread writes the blocks in row order. A worker takes a free buffer before it takes
 * the next block number, so the lowest unwritten block always has a buffer and the pool (two per thread) bounds
 * memory without deadlock. One use per call; not thread-safe.
 */
final class ParallelMatrixWriter {
    private final CsrMatrix matrix;
    private final int threads;
    private final LibSvmWriteOptions options;
    /** First row of each block, and numRows at the end. */
    private final int[] blockStarts;
    private final AtomicInteger nextBlock = new AtomicInteger();
    private final AtomicReferenceArray<Block> done;
    private final BlockingQueue<Block> free;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Object lock = new Object();

    ParallelMatrixWriter(CsrMatrix matrix, int threads, int blockNnz, LibSvmWriteOptions options) {
        this.matrix = matrix;
        this.threads = threads;
        this.options = options;
        this.blockStarts = blockStarts(matrix, blockNnz);
        int blocks = blockStarts.length - 1;
        this.done = new AtomicReferenceArray<>(blocks);
        this.free = new ArrayBlockingQueue<>(2 * threads);
        for (int k = 0; k < 2 * threads; k++) {
            free.add(new Block());
        }
    }

    /** Cuts the rows into blocks of at least {@code blockNnz} pairs (or one row per block for empty rows' sake). */
    private static int[] blockStarts(CsrMatrix m, int blockNnz) {
        long[] indptr = m.indptr();
        int rows = m.numRows();
        int[] starts = new int[16];
        int n = 0;
        int r = 0;
        while (r < rows) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = r;
            long target = indptr[r] + Math.max(1, blockNnz);
            int next = r + 1;
            while (next < rows && indptr[next] < target) {
                next++;
            }
            r = next;
        }
        starts = Arrays.copyOf(starts, n + 1);
        starts[n] = rows;
        return starts;
    }

    void writeTo(TextSink sink) throws IOException {
        List<Thread> workers = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            Thread t = new Thread(this::work, "libsvm-write-" + k);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        try {
            for (int i = 0; i < done.length(); i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted while writing a matrix");
                }
                Block b = awaitBlock(i);
                sink.writeRaw(b.bytes, 0, b.size);
                if (b.failure != null) {
                    throw rethrow(b.failure);
                }
                b.size = 0;
                free.add(b);
            }
        } finally {
            stop.set(true);
            for (Thread t : workers) {
                t.interrupt();
            }
            for (Thread t : workers) {
                joinQuietly(t);
            }
        }
    }

    private Block awaitBlock(int i) throws IOException {
        synchronized (lock) {
            Block b;
            while ((b = done.get(i)) == null) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while writing a matrix");
                }
            }
            return b;
        }
    }

    private void work() {
        try {
            Block b;
            while (!stop.get()) {
                b = free.take();
                int i = nextBlock.getAndIncrement();
                if (i >= done.length()) {
                    return;
                }
                format(i, b);
                synchronized (lock) {
                    done.set(i, b);
                    lock.notifyAll();
                }
                if (b.failure != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // stopped by the writing thread
        }
    }

    /** Formats block {@code i}; a failure keeps the rows before the failing one, as the sequential write does. */
    private void format(int i, Block b) {
        try {
            LibSvmWriter w = LibSvmWriter.open(b, options);
            try {
                w.writeRows(matrix, blockStarts[i], blockStarts[i + 1]);
            } finally {
                w.flush();
            }
        } catch (IOException | RuntimeException | Error e) {
            b.failure = e;
        }
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        throw (Error) t;
    }

    private static void joinQuietly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A growable byte buffer that a block's formatter flushes into; reused through the pool. */
    private static final class Block extends OutputStream {
        byte[] bytes = new byte[1 << 16];
        int size;
        Throwable failure;

        @Override
        public void write(int x) {
            ensure(1);
            bytes[size++] = (byte) x;
        }

        @Override
        public void write(byte[] src, int off, int len) {
            ensure(len);
            System.arraycopy(src, off, bytes, size, len);
            size += len;
        }

        private void ensure(int n) {
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size + n, bytes.length * 2));
            }
        }
    }
}

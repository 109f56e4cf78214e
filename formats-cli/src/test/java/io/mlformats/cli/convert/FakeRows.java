package io.mlformats.cli.convert;

import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Scripted row sources and sinks for the conversion loop's tests. */
final class FakeRows {
    private FakeRows() {
    }

    /** {@code rows} rows, then (if {@code failAt >= 0}) a format error instead of row {@code failAt}. */
    static final class Source implements RowSource {
        final String name;
        final int rows;
        final int failAt;
        final IOException closeError;
        final LabeledRow row = new LabeledRow();
        int next;
        int closes;

        Source(String name, int rows, int failAt, IOException closeError) {
            this.name = name;
            this.rows = rows;
            this.failAt = failAt;
            this.closeError = closeError;
            row.addLabel(1);
            row.setFeatures(DenseVector.ofFloat32(1f, 2f));
        }

        @Override
        public boolean next() throws IOException {
            if (next == failAt) {
                throw new FormatException(position(), "bad record in " + name);
            }
            return next++ < rows;
        }

        @Override
        public LabeledRow current() {
            return row;
        }

        @Override
        public SourcePosition position() {
            return SourcePosition.ofRecord(name, next * 10L, next);
        }

        @Override
        public ReadStats stats() {
            return new ReadCounter(10);
        }

        @Override
        public ValueType valueType() {
            return ValueType.FLOAT32;
        }

        @Override
        public long declaredWidth() {
            return 2;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        public long bytesTotal() {
            return -1;
        }

        @Override
        public void close() throws IOException {
            closes++;
            if (closeError != null) {
                throw closeError;
            }
        }
    }

    /** Records what happens to it; {@link #write} can be made to throw or to block. */
    static final class Sink implements RowSink {
        final List<String> events = new ArrayList<>();
        RuntimeException writeError;
        CountDownLatch entered;
        CountDownLatch release;
        volatile boolean inWrite;
        volatile boolean abortedDuringWrite;
        volatile Thread abortedBy;

        @Override
        public void write(LabeledRow row) {
            inWrite = true;
            try {
                if (writeError != null) {
                    throw writeError;
                }
                if (entered != null) {
                    entered.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                synchronized (events) {
                    events.add("write");
                }
            } finally {
                inWrite = false;
            }
        }

        @Override
        public void commit() {
            synchronized (events) {
                events.add("commit");
            }
        }

        @Override
        public void abort() {
            abortedDuringWrite |= inWrite;
            abortedBy = Thread.currentThread();
            synchronized (events) {
                events.add("abort");
            }
        }

        List<String> events() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }
    }
}

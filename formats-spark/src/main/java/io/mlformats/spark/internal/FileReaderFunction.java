package io.mlformats.spark.internal;

import java.io.IOException;
import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.util.TaskCompletionListener;
import scala.collection.AbstractIterator;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * What {@code FileFormat.buildReader} returns: a serializable function from a file split to an iterator of rows.
 * Subclasses open a {@link RowSource} for the split; this class closes it at the end of the rows and, in case the
 * task stops early (a {@code limit}, a failure), when the task completes. Exceptions from the source are
 * rethrown unchanged (a {@code FormatException} keeps its type and its file/record/offset message in the task's
 * failure). Instances are immutable and shipped to executors; each call of {@link #apply} is one task's.
 */
public abstract class FileReaderFunction
        extends AbstractFunction1<PartitionedFile, Iterator<InternalRow>> implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Opens the rows of one split.
     *
     * @param file the split: path, start, length and the file's size
     * @return the rows, closed by this class
     * @throws IOException if the file cannot be opened or its start is bad
     */
    protected abstract RowSource open(PartitionedFile file) throws IOException;

    @Override
    public final Iterator<InternalRow> apply(PartitionedFile file) {
        RowSource source;
        try {
            source = open(file);
        } catch (IOException e) {
            throw sneaky(e);
        }
        return new Rows(source);
    }

    /**
     * Throws a checked exception without declaring it: Scala callers do not distinguish, and Spark reports the
     * original exception (type and message) as the task's failure.
     *
     * @param t the exception
     * @return never returns
     */
    public static RuntimeException sneaky(Throwable t) {
        throw FileReaderFunction.<RuntimeException>rethrow(t);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }

    private static final class Rows extends AbstractIterator<InternalRow> {
        private RowSource source;
        private InternalRow next;

        Rows(RowSource source) {
            this.source = source;
            TaskContext task = TaskContext.get();
            if (task != null) {
                // The cast picks the Java listener among addTaskCompletionListener's overloads.
                task.addTaskCompletionListener((TaskCompletionListener) context -> close());
            }
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (source == null) {
                return false;
            }
            try {
                next = source.next();
            } catch (IOException | RuntimeException e) {
                close();
                throw sneaky(e);
            }
            if (next == null) {
                close();
                return false;
            }
            return true;
        }

        @Override
        public InternalRow next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException("end of rows");
            }
            InternalRow row = next;
            next = null;
            return row;
        }

        private void close() {
            RowSource s = source;
            source = null;
            if (s != null) {
                try {
                    s.close();
                } catch (IOException e) {
                    throw sneaky(e);
                }
            }
        }
    }
}

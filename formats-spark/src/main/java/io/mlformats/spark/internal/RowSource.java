package io.mlformats.spark.internal;

import java.io.Closeable;
import java.io.IOException;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The rows one task reads from one file (or byte range of it). Data sources implement this with a library reader;
 * {@link FileReaderFunction} turns it into the Scala iterator Spark wants and makes sure it is closed.
 * One per task thread; the returned row may be reused for every call (Spark projects it before the next one).
 */
public interface RowSource extends Closeable {
    /**
     * The next row.
     *
     * @return the row (possibly the same object every time), or null at the end
     * @throws IOException on bad input (a {@code FormatException} naming file, record and offset) or I/O failure
     */
    InternalRow next() throws IOException;
}

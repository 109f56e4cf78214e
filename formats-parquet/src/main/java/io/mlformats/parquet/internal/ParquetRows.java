package io.mlformats.parquet.internal;

import io.mlformats.core.FormatException;
import io.mlformats.core.InsufficientMemoryException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.SourcePosition;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * Row-by-row reading of a local Parquet file, one row group in memory at a time, through a caller's
 * materializer. Turns Parquet's unchecked exceptions into {@link FormatException}s with the file, the row group's
 * byte offset and the row index. Not thread-safe.
 */
public final class ParquetRows implements Closeable {
    private final ParquetFileReader reader;
    private final String name;
    private boolean closed;
    private final List<BlockMetaData> groups;
    private MessageColumnIO columnIO;
    private RecordMaterializer<?> materializer;
    private RecordReader<?> rows;
    private long leftInGroup;
    private int groupIndex = -1;
    private long rowIndex = -1;
    private long bytesDone;
    private final ReadLimits limits;

    private ParquetRows(ParquetFileReader reader, String name, ReadLimits limits) {
        this.reader = reader;
        this.name = name;
        this.limits = limits;
        this.groups = reader.getRowGroups();
    }

    /**
     * Opens {@code file} and reads its footer.
     *
     * @throws FormatException if the file is not Parquet or its footer is damaged
     * @throws IOException     if the file cannot be read, or the Hadoop client jars Parquet needs for reading
     *                         are missing
     */
    public static ParquetRows open(Path file, ReadLimits limits) throws IOException {
        return open(new NamedInputFile(new LocalInputFile(file), file.toString()), limits);
    }

    /**
     * Opens {@code file} (any parquet-java {@link InputFile}; the caller owns it) and reads its footer. The streams
     * Parquet opens from it are closed by {@link #close()}. Positions and messages name the file by its
     * {@code toString()}, or by its class and length when that is only {@code Object.toString()}'s hash.
     *
     * @param limits bounds the footer's length ({@link ReadLimits#maxRecordBytes()})
     * @throws FormatException if the file is not Parquet or its footer is damaged
     * @throws IOException     if the file cannot be read, or the Hadoop client jars Parquet needs for reading
     *                         are missing
     */
    public static ParquetRows open(InputFile file, ReadLimits limits) throws IOException {
        requireHadoop();
        InputFile named = NamedInputFile.of(file);
        String name = named.toString();
        long footerAt = ParquetFooter.check(named, name, limits);
        try {
            ParquetReadOptions options = ParquetReadOptions.builder()
                    .withCodecFactory(new HadoopFreeCodecs(limits.maxRecordBytes())).build();
            return new ParquetRows(ParquetFileReader.open(named, options), name, limits);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FormatException(SourcePosition.ofRecord(name, footerAt, -1), "not a readable Parquet file: "
                    + "its footer (file metadata) is damaged: " + ParquetFooter.describe(e)
                    + "; expected a Thrift-encoded FileMetaData that describes the file's columns and row groups", e);
        } catch (StackOverflowError e) {
            // parquet-java's Thrift decoder recurses once per nested struct and has no depth bound: a small footer
            // of nested structs exhausts the stack. Caught here only, around the footer parse, where nothing else
            // is on the stack that the error could have left half-done.
            throw new FormatException(SourcePosition.ofRecord(name, footerAt, -1), "not a readable Parquet file: "
                    + "its footer (file metadata) nests Thrift structures too deeply to be decoded; expected a "
                    + "FileMetaData of a few levels of nesting");
        }
    }

    private static void requireHadoop() throws IOException {
        try {
            Class.forName("org.apache.hadoop.conf.Configuration", false, ParquetRows.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("reading Parquet needs org.apache.hadoop:hadoop-client-api and "
                    + "hadoop-client-runtime on the class path (Parquet 1.18 calls Hadoop codecs while opening a "
                    + "file); writing does not");
        }
    }

    /** The file's full schema. */
    public MessageType fileSchema() {
        return reader.getFooter().getFileMetaData().getSchema();
    }

    /** Key-value metadata from the footer. */
    public java.util.Map<String, String> keyValueMetadata() {
        return reader.getFooter().getFileMetaData().getKeyValueMetaData();
    }

    /** Rows in the file, from the footer. */
    public long totalRows() {
        return reader.getRecordCount();
    }

    /** Number of row groups. */
    public int rowGroups() {
        return groups.size();
    }

    /** Compressed bytes of the row groups read so far (for progress). */
    public long bytesDone() {
        return bytesDone;
    }

    /** Reads only {@code requested} (a projection of the file schema) through {@code m}. */
    public void project(MessageType requested, RecordMaterializer<?> m) throws FormatException {
        try {
            reader.setRequestedSchema(requested);
            this.columnIO = new ColumnIOFactory().getColumnIO(requested, fileSchema());
        } catch (RuntimeException e) {
            throw new FormatException(SourcePosition.ofRecord(name, 0, -1), "the file's schema cannot be read: "
                    + ParquetFooter.describe(e) + "; expected a schema of named primitive and group columns", e);
        }
        this.materializer = m;
    }

    /**
     * Assembles the next row into the materializer.
     *
     * @return false after the last row
     * @throws FormatException if a page cannot be decoded
     */
    public boolean next() throws IOException {
        if (closed) {
            throw new IllegalStateException("the reader is closed");
        }
        while (leftInGroup == 0) {
            PageReadStore pages;
            try {
                pages = reader.readNextRowGroup();
            } catch (FileSystemException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw corrupt(ParquetFooter.describe(e), e, groupIndex + 1, rowIndex + 1);
            } catch (StackOverflowError e) {
                // Page headers are Thrift too, decoded by the same unbounded recursion as the footer: a page
                // header of nested structs exhausts the stack inside this one parquet-java call, which leaves
                // nothing of ours half-done. The reader is not usable afterwards; the error is a damaged page.
                throw corrupt("a page header nests Thrift structures too deeply to be decoded", null, groupIndex + 1,
                        rowIndex + 1);
            } catch (OutOfMemoryError e) {
                throw outOfMemory(groupIndex + 1);
            }
            if (pages == null) {
                return false;
            }
            groupIndex++;
            bytesDone += groups.get(groupIndex).getCompressedSize();
            leftInGroup = pages.getRowCount();
            try {
                // Reads the dictionary pages and sets up the column decoders: damaged pages fail here too.
                rows = columnIO.getRecordReader(pages, materializer);
            } catch (RuntimeException e) {
                throw corrupt(e, rowIndex + 1);
            } catch (OutOfMemoryError e) {
                throw outOfMemory(groupIndex);
            }
        }
        try {
            rows.read();
        } catch (RuntimeException e) {
            throw corrupt(e, rowIndex + 1);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(groupIndex);
        }
        leftInGroup--;
        rowIndex++;
        return true;
    }

    /** 0-based index of the current row. */
    public long rowIndex() {
        return rowIndex;
    }

    /** Position of the current row: the file, the starting byte of its row group, the row index. */
    public SourcePosition position() {
        long off = groupIndex >= 0 && groupIndex < groups.size() ? groups.get(groupIndex).getStartingPos() : 0;
        return SourcePosition.ofRecord(name, off, rowIndex);
    }

    /**
     * A row group whose pages (each within maxRecordBytes) do not fit the heap: parquet-java holds a whole row
     * group's column chunks in memory, and the failed allocation was its one large buffer, so the heap is usable.
     */
    private InsufficientMemoryException outOfMemory(int group) {
        int g = Math.max(group, 0);
        long off = g < groups.size() ? groups.get(g).getStartingPos() : 0;
        return new InsufficientMemoryException(SourcePosition.ofRecord(name, off, rowIndex + 1), "row group " + g
                + " (" + (g < groups.size() ? groups.get(g).getCompressedSize() : 0) + " compressed bytes)", -1,
                "maxRecordBytes", limits.maxRecordBytes());
    }

    private FormatException corrupt(Exception e, long row) {
        return corrupt(ParquetFooter.describe(e), e, groupIndex, row);
    }

    /** A damaged page of row group {@code group} (-1: none read yet, so the first), located at its start. */
    private FormatException corrupt(String detail, Exception cause, int group, long row) {
        int g = Math.max(group, 0);
        long off = g < groups.size() ? groups.get(g).getStartingPos() : 0;
        return new FormatException(SourcePosition.ofRecord(name, off, row), "corrupt Parquet data in row group " + g
                + ": " + detail + "; expected pages that decode as the footer describes them", cause);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        reader.close();
    }
}

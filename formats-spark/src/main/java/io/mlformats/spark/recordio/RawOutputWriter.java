package io.mlformats.spark.recordio;

import io.mlformats.recordio.RecordIoFormat;
import io.mlformats.recordio.RecordIoWriteOptions;
import io.mlformats.recordio.RecordIoWriter;
import java.io.IOException;
import java.io.Serializable;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.CodecStreams;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Writes one {@code recordio} file from a binary column: each value framed as one record by the library's
 * {@link RecordIoWriter}, or, with {@code framed=true}, values that already are complete RecordIO records (e.g.
 * from {@code to_recordio_protobuf}) copied as they are once their headers are checked. Not thread-safe; one per
 * task and file.
 */
final class RawOutputWriter extends RecordIoWriteSupport.StreamWriter {
    private final Settings settings;
    private final RecordIoWriter writer;

    /** The write options, checked on the driver. */
    record Settings(int ordinal, String column, boolean framed, boolean splitOnMagic) implements Serializable {
    }

    RawOutputWriter(String path, TaskAttemptContext context, Settings settings) throws IOException {
        super(path, context);
        this.settings = settings;
        this.writer = settings.framed() ? null : RecordIoWriter.open(stream(),
                RecordIoWriteOptions.defaults().withSplitOnMagic(settings.splitOnMagic()));
    }

    @Override
    void writeRow(InternalRow row) throws IOException {
        if (row.isNullAt(settings.ordinal())) {
            throw new IllegalArgumentException("column '" + settings.column() + "' is null; every record needs a "
                    + "value");
        }
        byte[] value = row.getBinary(settings.ordinal());
        if (writer != null) {
            writer.write(value);
            return;
        }
        String problem = checkFrames(value);
        if (problem != null) {
            throw new IllegalArgumentException("column '" + settings.column() + "' (framed=true) is not a complete "
                    + "RecordIO record: " + problem);
        }
        stream().write(value);
    }

    /**
     * Checks that {@code b} is exactly one RecordIO record: a single-part frame (cflag 0) or a dmlc multi-part
     * sequence (cflag 1, 2..., 3), each with the magic, a length that fits, and zero padding to 4 bytes.
     *
     * @return null if it is, else what is wrong and at which byte offset of the value
     */
    static String checkFrames(byte[] b) {
        int p = 0;
        int expect = -1; // -1: a record's first frame; otherwise inside a multi-part record
        while (p < b.length) {
            if (b.length - p < RecordIoFormat.HEADER_BYTES) {
                return "truncated header at byte " + p + " (" + (b.length - p) + " of 8 bytes)";
            }
            if (le32(b, p) != RecordIoFormat.MAGIC) {
                return String.format("no magic at byte %d (found 0x%08x, expected 0x%08x)", p, le32(b, p),
                        RecordIoFormat.MAGIC);
            }
            int lrecord = le32(b, p + 4);
            int cflag = RecordIoFormat.cflag(lrecord);
            int length = RecordIoFormat.length(lrecord);
            if (expect < 0 ? cflag != RecordIoFormat.CFLAG_FULL && cflag != RecordIoFormat.CFLAG_FIRST
                    : cflag != RecordIoFormat.CFLAG_MIDDLE && cflag != RecordIoFormat.CFLAG_LAST) {
                return "unexpected cflag " + cflag + " at byte " + p;
            }
            if (expect < 0 && p > 0) {
                return "a second record starts at byte " + p + " (one record per value)";
            }
            long end = p + RecordIoFormat.HEADER_BYTES + RecordIoFormat.align4(length);
            if (end > b.length) {
                return "record at byte " + p + " declares " + length + " payload bytes; only "
                        + (b.length - p - RecordIoFormat.HEADER_BYTES) + " follow";
            }
            for (int i = p + RecordIoFormat.HEADER_BYTES + length; i < end; i++) {
                if (b[i] != 0) {
                    return "non-zero padding at byte " + i;
                }
            }
            expect = cflag == RecordIoFormat.CFLAG_FIRST || cflag == RecordIoFormat.CFLAG_MIDDLE ? 1 : -1;
            p = (int) end;
        }
        if (p == 0) {
            return "empty value";
        }
        return expect < 0 ? null : "multi-part record without its last part (cflag 3)";
    }

    private static int le32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    @Override
    void commit() throws IOException {
        if (writer != null) {
            writer.commit();
        }
    }

    /** Creates the writers of a write job; serializable, built on the driver. */
    static final class Factory extends OutputWriterFactory {
        private static final long serialVersionUID = 1L;
        private final Settings settings;

        Factory(Settings settings) {
            this.settings = settings;
        }

        @Override
        public String getFileExtension(TaskAttemptContext context) {
            return ".rec" + CodecStreams.getCompressionExtension(context);
        }

        @Override
        public OutputWriter newInstance(String path, StructType dataSchema, TaskAttemptContext context) {
            try {
                return new RawOutputWriter(path, context, settings);
            } catch (IOException e) {
                throw io.mlformats.spark.internal.FileReaderFunction.sneaky(e);
            }
        }
    }
}

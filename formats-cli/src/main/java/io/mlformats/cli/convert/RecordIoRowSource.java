package io.mlformats.cli.convert;

import io.mlformats.core.FormatException;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.ValueType;
import io.mlformats.recordio.protobuf.RecordProtobufReadOptions;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rows of a RecordIO-protobuf file through the library's {@link RecordProtobufReader#currentRow()} (the
 * {@code values} tensor and its label). The first record is read when the file is opened so that
 * {@link #valueType()} is known before the output is created; later records must have the same value type.
 * Not thread-safe.
 */
public final class RecordIoRowSource extends ReaderRowSource<RecordProtobufReader> {
    private ValueType type = ValueType.FLOAT32;
    private LabeledRow current;
    private boolean pending;
    private long width;

    private RecordIoRowSource(RecordProtobufReader reader, long size) {
        super(reader, size);
    }

    /** The feature rows of a RecordIO-protobuf file (the {@code values} tensor and its label). */
    public static RecordIoRowSource open(Path file, ConvertOptions o) throws IOException {
        RecordProtobufReader r = RecordProtobufReader.open(file, RecordProtobufReadOptions.defaults()
                .withRead(o.readOptions()));
        RecordIoRowSource s = new RecordIoRowSource(r, Files.size(file));
        try {
            s.pending = r.next();
            if (s.pending) {
                s.current = s.row();
                s.type = s.current.valueType();
                s.width = s.current.width();
            }
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
        return s;
    }

    @Override
    public boolean next() throws IOException {
        if (pending) {
            pending = false;
            return true;
        }
        if (!reader.next()) {
            return false;
        }
        current = row();
        if (type == ValueType.FLOAT32 && current.valueType() != ValueType.FLOAT32) {
            throw new FormatException(reader.position(), "features[\"values\"] is not FLOAT32 but the first "
                    + "record's is; a file's rows must share one value type");
        }
        return true;
    }

    private LabeledRow row() throws FormatException {
        try {
            return reader.currentRow();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FormatException f) {
                throw f;
            }
            throw e;
        }
    }

    @Override
    public LabeledRow current() {
        return current;
    }

    @Override
    public ValueType valueType() {
        return type;
    }

    /** The first record's width (sparse: its shape); RecordIO files declare no width for the whole file. */
    @Override
    public long declaredWidth() {
        return width;
    }

    @Override
    public List<String> describe() {
        return List.of("content type: application/x-recordio-protobuf");
    }
}

package io.mlformats.spark.recordio;

import io.mlformats.recordio.RecordIoReader;
import io.mlformats.spark.internal.SplitInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;

/**
 * Rows of RecordIO payloads: {@code value binary} (the {@code recordio} source and {@code recordType=ByteArray}),
 * or rows with no columns when the query needs none ({@code count()}): then frames are walked and nothing is
 * decoded or copied. The payload column is a copy (Spark's binary values are {@code byte[]}); the row is reused.
 */
final class PayloadRows extends RecordIoRows {
    private final RecordIoReader reader;
    private final GenericInternalRow row;
    private final boolean withValue;

    PayloadRows(SplitInput input, RecordIoReader reader, boolean withValue) {
        super(input, reader, reader.stats());
        this.reader = reader;
        this.withValue = withValue;
        this.row = new GenericInternalRow(withValue ? 1 : 0);
    }

    @Override
    public InternalRow next() throws IOException {
        if (!reader.next()) {
            return null;
        }
        if (withValue) {
            ByteBuffer p = reader.current();
            byte[] value = new byte[p.remaining()];
            p.get(p.position(), value, 0, value.length);
            row.update(0, value);
        }
        return row;
    }
}

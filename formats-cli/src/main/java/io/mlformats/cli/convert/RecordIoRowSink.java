package io.mlformats.cli.convert;

import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.ValueType;
import io.mlformats.recordio.protobuf.RecordProtobufWriteOptions;
import io.mlformats.recordio.protobuf.RecordProtobufWriter;
import io.mlformats.recordio.protobuf.RowLayout;
import io.mlformats.recordio.protobuf.TensorType;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Rows into RecordIO-protobuf through the library's {@link RecordProtobufWriter#writeRow}, which writes them byte
 * for byte as the SageMaker Python SDK does and refuses what the format cannot hold. This class only turns the
 * command's options into writer options. Labels are tensors of the output value type (float32 by default, what
 * Linear Learner and Factorization Machines require). Not thread-safe.
 */
public final class RecordIoRowSink implements RowSink {
    private final RecordProtobufWriter writer;

    /**
     * @param width the number of features: needed to write sparse rows that do not carry their dimension, and
     *              dense rows from sparse input; 0 if unknown
     */
    public RecordIoRowSink(Path target, ConvertOptions o, ValueType inputType, long width) throws IOException {
        ValueType type = o.dtype() != null ? o.dtype() : inputType;
        RowLayout layout = o.dense() == null ? RowLayout.AS_ROW : o.dense() ? RowLayout.DENSE : RowLayout.SPARSE;
        RecordProtobufWriteOptions wo = RecordProtobufWriteOptions.defaults()
                .withLabelType(type == ValueType.FLOAT64 ? TensorType.FLOAT64 : TensorType.FLOAT32)
                .withRowType(o.dtype())
                .withRowLayout(layout)
                .withNumFeatures(o.numFeatures() > 0 ? o.numFeatures() : Math.max(width, 0))
                .withGzip(o.gzip());
        writer = RecordProtobufWriter.open(target, wo);
    }

    @Override
    public void write(LabeledRow row) throws IOException {
        writer.writeRow(row);
    }

    @Override
    public void commit() throws IOException {
        writer.commit();
    }

    @Override
    public void abort() {
        writer.abort();
    }
}

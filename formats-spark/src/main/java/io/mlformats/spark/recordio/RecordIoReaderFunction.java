package io.mlformats.spark.recordio;

import io.mlformats.recordio.RecordIoReadOptions;
import io.mlformats.recordio.RecordIoReader;
import io.mlformats.recordio.protobuf.RecordProtobufReadOptions;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import io.mlformats.spark.internal.FileReaderFunction;
import io.mlformats.spark.internal.RowSource;
import io.mlformats.spark.internal.SerializableConfiguration;
import io.mlformats.spark.internal.SplitInput;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one split of a RecordIO or RecordIO-protobuf file: the records whose first header starts in the split's
 * byte range (the library resynchronises on the next record head), or a whole compressed file. Built on the
 * driver, immutable, run once per task.
 */
final class RecordIoReaderFunction extends FileReaderFunction {
    private static final long serialVersionUID = 1L;

    /** What the rows hold. */
    enum Kind { PAYLOAD, LABELED_VECTOR, RECORD }

    private final Kind kind;
    private final StructType required;
    private final RecordIoReadSettings settings;
    private final SerializableConfiguration conf;
    private final String labelKey;
    private final String featureKey;
    private final LabeledVectorRows.VectorType vectorType;

    RecordIoReaderFunction(Kind kind, StructType required, RecordIoReadSettings settings, Configuration conf,
            String labelKey, String featureKey, LabeledVectorRows.VectorType vectorType) {
        this.kind = kind;
        this.required = required;
        this.settings = settings;
        this.conf = new SerializableConfiguration(conf);
        this.labelKey = labelKey;
        this.featureKey = featureKey;
        this.vectorType = vectorType;
    }

    @Override
    protected RowSource open(PartitionedFile file) throws IOException {
        SplitInput in = SplitInput.open(file, conf.get(), settings.limits());
        try {
            RecordIoReadOptions framing = settings.framing();
            if (kind == Kind.PAYLOAD || required.length() == 0) {
                RecordIoReader r = in.isStream() ? RecordIoReader.open(in.stream(), framing)
                        : RecordIoReader.open(in.seekable(), in.range(), framing);
                return new PayloadRows(in, r, required.length() > 0);
            }
            RecordProtobufReadOptions options = RecordProtobufReadOptions.defaults().withFraming(framing);
            RecordProtobufReader r = in.isStream() ? RecordProtobufReader.open(in.stream(), options)
                    : RecordProtobufReader.open(in.seekable(), in.range(), options);
            if (kind == Kind.RECORD) {
                return new RecordRows(in, r, required);
            }
            return new LabeledVectorRows(in, r, settings.dropMalformed(), required, labelKey, featureKey,
                    vectorType);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}

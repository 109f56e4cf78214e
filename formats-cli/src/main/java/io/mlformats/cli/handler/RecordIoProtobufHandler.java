package io.mlformats.cli.handler;

import io.mlformats.cli.Algorithm;
import io.mlformats.cli.Format;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.RecordIoRowSink;
import io.mlformats.cli.convert.RecordIoRowSource;
import io.mlformats.cli.convert.RowSource;
import io.mlformats.cli.convert.SinkFactory;
import io.mlformats.core.ReadStats;
import io.mlformats.core.vector.ValueType;
import io.mlformats.recordio.protobuf.RecordProtobufReadOptions;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * SageMaker RecordIO-protobuf. Recognised by the RecordIO magic (after MXNet image records, which share it);
 * {@code cat} prints whole records (every tensor), not just the feature rows. Stateless.
 */
final class RecordIoProtobufHandler extends TabularHandler {
    /** The RecordIO magic, little-endian, at offset 0. */
    static final int RECORDIO_MAGIC = 0xced7230a;

    @Override
    public Format format() {
        return Format.RECORDIO_PROTOBUF;
    }

    @Override
    public String recognise(Sniff head) {
        return head.length() >= 4 && head.intLE(0) == RECORDIO_MAGIC ? "RecordIO magic" : null;
    }

    @Override
    public Set<Algorithm> validatedFor() {
        return EnumSet.of(Algorithm.XGBOOST, Algorithm.LINEAR_LEARNER, Algorithm.FACTORIZATION_MACHINES,
                Algorithm.KNN, Algorithm.KMEANS, Algorithm.PCA);
    }

    @Override
    public RowSource openRows(Path file, ConvertOptions o) throws IOException {
        return RecordIoRowSource.open(file, o);
    }

    @Override
    public ReadStats cat(Path file, ConvertOptions o, CatOutput out) throws IOException {
        try (RecordProtobufReader r = RecordProtobufReader.open(file,
                RecordProtobufReadOptions.defaults().withRead(o.readOptions()))) {
            while (r.next()) {
                RecordJson.write(out.json(), r.current());
            }
            return r.stats();
        }
    }

    @Override
    public SinkFactory rowSinks(ConvertOptions o, ValueType inputType, long width) {
        return target -> new RecordIoRowSink(target, o, inputType, width);
    }
}

package io.mlformats.spark.recordio;

import io.mlformats.spark.internal.Columns;

import io.mlformats.recordio.RecordIoWriteOptions;
import io.mlformats.recordio.protobuf.RecordProtobufWriteOptions;
import io.mlformats.recordio.protobuf.TensorType;
import io.mlformats.spark.internal.FeatureColumn;
import io.mlformats.spark.internal.LabelColumn;
import io.mlformats.spark.internal.SourceOptions;
import java.io.Serializable;
import org.apache.spark.sql.types.StructType;

/**
 * The write options of {@code recordio-protobuf}, checked on the driver against the rows' schema (a wrong column
 * fails the write before any task runs). Immutable and serializable.
 */
final class ProtobufWriteSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code featureType} and {@code labelType}. */
    enum NumberType {
        FLOAT32(TensorType.FLOAT32), FLOAT64(TensorType.FLOAT64), INT32(TensorType.INT32);

        final TensorType tensor;

        NumberType(TensorType tensor) {
            this.tensor = tensor;
        }
    }

    final FeatureColumn features;
    /** Null when the rows have no label column: records are written without label, as sagemaker-spark does. */
    final LabelColumn label;
    final NumberType featureType;
    final NumberType labelType;
    final String featureKey;
    final String labelKey;
    final boolean splitOnMagic;

    private ProtobufWriteSettings(FeatureColumn features, LabelColumn label, NumberType featureType,
            NumberType labelType, String featureKey, String labelKey, boolean splitOnMagic) {
        this.features = features;
        this.label = label;
        this.featureType = featureType;
        this.labelType = labelType;
        this.featureKey = featureKey;
        this.labelKey = labelKey;
        this.splitOnMagic = splitOnMagic;
    }

    static ProtobufWriteSettings parse(SourceOptions o, StructType schema) {
        String source = o.source();
        FeatureColumn features = FeatureColumn.of(source, schema, o.string("featuresColumnName", "features"), true);
        String labelName = o.string("labelColumnName", "label");
        LabelColumn label = Columns.indexOf(schema, labelName) < 0 ? null
                : LabelColumn.of(source, schema, labelName, "label");
        return new ProtobufWriteSettings(features, label,
                o.choice("featureType", NumberType.class, NumberType.FLOAT32),
                o.choice("labelType", NumberType.class, NumberType.FLOAT32),
                o.string("featureKey", "values"), o.string("labelKey", "values"), o.bool("splitOnMagic", true));
    }

    RecordProtobufWriteOptions writerOptions() {
        return RecordProtobufWriteOptions.defaults()
                .withFraming(RecordIoWriteOptions.defaults().withSplitOnMagic(splitOnMagic))
                .withLabelType(labelType.tensor)
                .withFeatureKey(featureKey)
                .withLabelKey(labelKey);
    }
}

package io.mlformats.recordio.protobuf;

import io.mlformats.core.vector.ValueType;
import io.mlformats.recordio.RecordIoWriteOptions;
import java.util.Objects;

/**
 * Options of {@link RecordProtobufWriter}. Immutable and thread-safe.
 *
 * @param framing    RecordIO framing options (dmlc splitting on by default, see {@link RecordIoWriteOptions})
 * @param labelType  tensor type of labels: {@link TensorType#FLOAT32} (default; what Linear Learner and
 *                   Factorization Machines require), {@link TensorType#FLOAT64} or {@link TensorType#INT32}. The
 *                   SageMaker SDK picks the label type from the label array independently of the features, so
 *                   float32 features with float64 labels are legal.
 * @param featureKey map key of the features (default {@code "values"})
 * @param labelKey   map key of the label (default {@code "values"})
 * @param rowType    value type of the feature tensor that {@link RecordProtobufWriter#writeRow} writes, or
 *                   {@code null} (default) for the row's own type
 * @param rowLayout  dense or sparse tensors for {@link RecordProtobufWriter#writeRow} (default: as the row)
 * @param numFeatures the number of features, for {@link RecordProtobufWriter#writeRow} of sparse rows that do not
 *                   carry their dimension and of sparse rows written dense; 0 (default) to take it from the row
 */
public record RecordProtobufWriteOptions(RecordIoWriteOptions framing, TensorType labelType, String featureKey,
        String labelKey, ValueType rowType, RowLayout rowLayout, long numFeatures) {
    private static final RecordProtobufWriteOptions DEFAULTS = new RecordProtobufWriteOptions(
            RecordIoWriteOptions.defaults(), TensorType.FLOAT32, RecordView.VALUES, RecordView.VALUES, null,
            RowLayout.AS_ROW, 0);

    /**
     * Validates the fields.
     *
     * @param framing     RecordIO framing options (splitting, buffer size, gzip)
     * @param labelType   tensor type of labels: {@link TensorType#FLOAT32}, {@link TensorType#FLOAT64} or
     *                    {@link TensorType#INT32}
     * @param featureKey  map key of the features
     * @param labelKey    map key of the label
     * @param rowType     value type of the feature tensor that {@code writeRow} writes, or {@code null} for the
     *                    row's own type
     * @param rowLayout   dense or sparse tensors for {@code writeRow}
     * @param numFeatures the number of features for {@code writeRow} ({@code >= 0}; 0 to take it from the row)
     * @throws NullPointerException if {@code framing}, {@code featureKey}, {@code labelKey} or {@code rowLayout}
     *                              is {@code null}
     * @throws IllegalArgumentException if {@code numFeatures} is negative or {@code labelType} is not FLOAT32,
     *                                  FLOAT64 or INT32
     */
    public RecordProtobufWriteOptions {
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(featureKey, "featureKey");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(rowLayout, "rowLayout");
        if (numFeatures < 0) {
            throw new IllegalArgumentException("numFeatures must be >= 0: " + numFeatures);
        }
        if (labelType != TensorType.FLOAT32 && labelType != TensorType.FLOAT64 && labelType != TensorType.INT32) {
            throw new IllegalArgumentException("labelType must be FLOAT32, FLOAT64 or INT32: " + labelType);
        }
    }

    /**
     * dmlc framing, float32 labels, keys {@code "values"}.
     *
     * @return the shared default options (rows written in their own type and layout, dimension from the row)
     */
    public static RecordProtobufWriteOptions defaults() {
        return DEFAULTS;
    }

    /**
     * True if the output is gzip-compressed (a framing option).
     *
     * @return the framing options' {@link RecordIoWriteOptions#gzip()}
     */
    public boolean gzip() {
        return framing.gzip();
    }

    /**
     * These options with gzip compression on or off.
     *
     * @param compress {@code true} to gzip-compress the output
     * @return new options with the framing's gzip setting replaced and the other fields kept
     */
    public RecordProtobufWriteOptions withGzip(boolean compress) {
        return withFraming(framing.withGzip(compress));
    }

    /**
     * These options with other RecordIO framing options.
     *
     * @param f the RecordIO framing options to use (not {@code null})
     * @return new options with {@code f} and the other fields kept
     */
    public RecordProtobufWriteOptions withFraming(RecordIoWriteOptions f) {
        return new RecordProtobufWriteOptions(f, labelType, featureKey, labelKey, rowType, rowLayout, numFeatures);
    }

    /**
     * These options with labels written as {@code t}.
     *
     * @param t the label tensor type: {@link TensorType#FLOAT32}, {@link TensorType#FLOAT64} or
     *          {@link TensorType#INT32}
     * @return new options with {@code t} and the other fields kept
     * @throws IllegalArgumentException if {@code t} is another type
     */
    public RecordProtobufWriteOptions withLabelType(TensorType t) {
        return new RecordProtobufWriteOptions(framing, t, featureKey, labelKey, rowType, rowLayout, numFeatures);
    }

    /**
     * These options with the features under map key {@code k}.
     *
     * @param k the map key of the features in {@code Record.features} (not {@code null})
     * @return new options with {@code k} and the other fields kept
     */
    public RecordProtobufWriteOptions withFeatureKey(String k) {
        return new RecordProtobufWriteOptions(framing, labelType, k, labelKey, rowType, rowLayout, numFeatures);
    }

    /**
     * These options with the label under map key {@code k}.
     *
     * @param k the map key of the label in {@code Record.label} (not {@code null})
     * @return new options with {@code k} and the other fields kept
     */
    public RecordProtobufWriteOptions withLabelKey(String k) {
        return new RecordProtobufWriteOptions(framing, labelType, featureKey, k, rowType, rowLayout, numFeatures);
    }

    /**
     * These options with rows written as {@code type} tensors ({@code null}: the row's own type).
     *
     * @param type value type of the feature tensors {@code writeRow} writes, or {@code null}
     * @return new options with {@code type} and the other fields kept
     */
    public RecordProtobufWriteOptions withRowType(ValueType type) {
        return new RecordProtobufWriteOptions(framing, labelType, featureKey, labelKey, type, rowLayout, numFeatures);
    }

    /**
     * These options with rows laid out as {@code layout}.
     *
     * @param layout dense, sparse, or as each row is (not {@code null})
     * @return new options with {@code layout} and the other fields kept
     */
    public RecordProtobufWriteOptions withRowLayout(RowLayout layout) {
        return new RecordProtobufWriteOptions(framing, labelType, featureKey, labelKey, rowType, layout, numFeatures);
    }

    /**
     * These options with the number of features ({@code 0}: from each row).
     *
     * @param n the number of features of every row ({@code >= 0})
     * @return new options with {@code n} and the other fields kept
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public RecordProtobufWriteOptions withNumFeatures(long n) {
        return new RecordProtobufWriteOptions(framing, labelType, featureKey, labelKey, rowType, rowLayout, n);
    }
}

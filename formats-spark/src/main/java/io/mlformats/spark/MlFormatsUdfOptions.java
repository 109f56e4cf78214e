package io.mlformats.spark;

import io.mlformats.libsvm.IndexBase;
import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.libsvm.LibSvmWriteOptions;
import io.mlformats.recordio.RecordIoWriteOptions;
import io.mlformats.recordio.protobuf.RecordProtobufWriteOptions;
import io.mlformats.recordio.protobuf.TensorType;
import io.mlformats.spark.internal.SourceOptions;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the SQL functions registered by {@link MlFormatsFunctions}. Immutable, thread-safe and
 * serializable (the functions carry them into Spark tasks); start from {@link #defaults()}.
 *
 * @param indexBase      index base of {@code to_libsvm} output and {@code from_libsvm} input: {@code ZERO}
 *                       (default; SageMaker XGBoost) or {@code ONE} (Spark's own {@code libsvm} source);
 *                       {@code AUTO} is refused (one line cannot settle it)
 * @param allowNonFinite whether {@code to_libsvm} writes NaN and infinite numbers (default false: refused, XGBoost
 *                       cannot read them)
 * @param featureType    tensor type of {@code to_recordio_protobuf} features: {@code FLOAT32} (default; what
 *                       sagemaker-spark writes and Linear Learner / Factorization Machines require),
 *                       {@code FLOAT64}, or {@code INT32} (dense rows of integral values only)
 * @param labelType      tensor type of {@code to_recordio_protobuf} labels: {@code FLOAT32} (default),
 *                       {@code FLOAT64} or {@code INT32}
 * @param featureKey     map key of the features tensor (default {@code "values"}, what the algorithms read)
 * @param labelKey       map key of the label tensor (default {@code "values"})
 * @param splitOnMagic   whether a payload holding the RecordIO magic at an aligned position is split into dmlc
 *                       parts, as dmlc-core writes it (default true; false writes one part, as sagemaker-spark)
 *
 * @serial exclude (Java serialization only ships functions and options to tasks; it is not a storage form)
 */
public record MlFormatsUdfOptions(IndexBase indexBase, boolean allowNonFinite, TensorType featureType,
        TensorType labelType, String featureKey, String labelKey, boolean splitOnMagic) implements Serializable {

    /**
     * Checks the values.
     *
     * @param indexBase      {@code ZERO} or {@code ONE}
     * @param allowNonFinite whether {@code to_libsvm} writes non-finite numbers
     * @param featureType    {@code FLOAT32}, {@code FLOAT64} or {@code INT32}
     * @param labelType      {@code FLOAT32}, {@code FLOAT64} or {@code INT32}
     * @param featureKey     features tensor key, not null
     * @param labelKey       label tensor key, not null
     * @param splitOnMagic   whether payloads holding the magic are split into dmlc parts
     * @throws IllegalArgumentException for {@code AUTO}, a {@code BYTES}/{@code NONE} tensor type, or a null value
     */
    public MlFormatsUdfOptions {
        if (indexBase == null || indexBase == IndexBase.AUTO) {
            throw new IllegalArgumentException("indexBase must be ZERO or ONE (AUTO needs a whole file): " + indexBase);
        }
        numeric("featureType", featureType);
        numeric("labelType", labelType);
        Objects.requireNonNull(featureKey, "featureKey");
        Objects.requireNonNull(labelKey, "labelKey");
    }

    private static void numeric(String name, TensorType t) {
        if (t != TensorType.FLOAT32 && t != TensorType.FLOAT64 && t != TensorType.INT32) {
            throw new IllegalArgumentException(name + " must be FLOAT32, FLOAT64 or INT32: " + t);
        }
    }

    /**
     * Zero-based LibSVM, non-finite numbers refused, float32 features and labels under {@code "values"}, dmlc
     * magic splitting.
     *
     * @return the default options
     */
    public static MlFormatsUdfOptions defaults() {
        return new MlFormatsUdfOptions(IndexBase.ZERO, false, TensorType.FLOAT32, TensorType.FLOAT32, "values",
                "values", true);
    }

    /**
     * Options from string settings, for callers without Java types at hand (PySpark through {@code _jvm}): keys
     * {@code indexBase} (zero|one), {@code allowNonFinite}, {@code featureType} / {@code labelType}
     * (float32|float64|int32), {@code featureKey}, {@code labelKey}, {@code splitOnMagic}; case-insensitive,
     * absent keys keep the defaults.
     *
     * @param settings the settings
     * @return the options
     * @throws IllegalArgumentException for an unknown key or a bad value, naming it and the accepted values
     */
    public static MlFormatsUdfOptions of(Map<String, String> settings) {
        SourceOptions o = SourceOptions.of("MlFormatsUdfOptions", settings);
        java.util.List<String> known = java.util.List.of("indexBase", "allowNonFinite", "featureType", "labelType",
                "featureKey", "labelKey", "splitOnMagic");
        for (String key : settings.keySet()) {
            if (known.stream().noneMatch(key::equalsIgnoreCase)) {
                throw new IllegalArgumentException("MlFormatsUdfOptions: unknown setting '" + key + "'; accepted: "
                        + String.join(", ", known));
            }
        }
        MlFormatsUdfOptions d = defaults();
        return new MlFormatsUdfOptions(o.choice("indexBase", IndexBase.class, d.indexBase),
                o.bool("allowNonFinite", d.allowNonFinite), o.choice("featureType", TensorType.class, d.featureType),
                o.choice("labelType", TensorType.class, d.labelType), o.string("featureKey", d.featureKey),
                o.string("labelKey", d.labelKey), o.bool("splitOnMagic", d.splitOnMagic));
    }

    /**
     * With another LibSVM index base.
     *
     * @param b {@code ZERO} or {@code ONE}
     * @return new options equal to these but for {@code indexBase}
     */
    public MlFormatsUdfOptions withIndexBase(IndexBase b) {
        return new MlFormatsUdfOptions(b, allowNonFinite, featureType, labelType, featureKey, labelKey, splitOnMagic);
    }

    /**
     * With non-finite numbers written by {@code to_libsvm} or refused.
     *
     * @param allow whether to write them
     * @return new options equal to these but for {@code allowNonFinite}
     */
    public MlFormatsUdfOptions withAllowNonFinite(boolean allow) {
        return new MlFormatsUdfOptions(indexBase, allow, featureType, labelType, featureKey, labelKey, splitOnMagic);
    }

    /**
     * With another feature tensor type for {@code to_recordio_protobuf}.
     *
     * @param t {@code FLOAT32}, {@code FLOAT64} or {@code INT32}
     * @return new options equal to these but for {@code featureType}
     */
    public MlFormatsUdfOptions withFeatureType(TensorType t) {
        return new MlFormatsUdfOptions(indexBase, allowNonFinite, t, labelType, featureKey, labelKey, splitOnMagic);
    }

    /**
     * With another label tensor type for {@code to_recordio_protobuf}.
     *
     * @param t {@code FLOAT32}, {@code FLOAT64} or {@code INT32}
     * @return new options equal to these but for {@code labelType}
     */
    public MlFormatsUdfOptions withLabelType(TensorType t) {
        return new MlFormatsUdfOptions(indexBase, allowNonFinite, featureType, t, featureKey, labelKey, splitOnMagic);
    }

    /**
     * With other tensor keys for {@code to_recordio_protobuf}.
     *
     * @param features the features tensor key
     * @param label    the label tensor key
     * @return new options equal to these but for the keys
     */
    public MlFormatsUdfOptions withKeys(String features, String label) {
        return new MlFormatsUdfOptions(indexBase, allowNonFinite, featureType, labelType, features, label,
                splitOnMagic);
    }

    /**
     * With dmlc magic splitting on or off.
     *
     * @param split whether payloads holding the aligned magic are split into parts
     * @return new options equal to these but for {@code splitOnMagic}
     */
    public MlFormatsUdfOptions withSplitOnMagic(boolean split) {
        return new MlFormatsUdfOptions(indexBase, allowNonFinite, featureType, labelType, featureKey, labelKey, split);
    }

    /**
     * The LibSVM writer options {@code to_libsvm} formats with.
     *
     * @return index base and non-finite handling as library options
     */
    public LibSvmWriteOptions libSvmWriteOptions() {
        return LibSvmWriteOptions.defaults().withIndexBase(indexBase).withAllowNonFinite(allowNonFinite);
    }

    /**
     * The LibSVM reader options {@code from_libsvm} parses with (before {@code num_features}).
     *
     * @return index base and float64 values as library options
     */
    public LibSvmReadOptions libSvmReadOptions() {
        return LibSvmReadOptions.defaults().withIndexBase(indexBase)
                .withValueType(io.mlformats.core.vector.ValueType.FLOAT64);
    }

    /**
     * The RecordIO-protobuf writer options {@code to_recordio_protobuf} encodes with.
     *
     * @return label type, keys and framing as library options (a small framing buffer: one frame at a time)
     */
    public RecordProtobufWriteOptions recordProtobufWriteOptions() {
        return RecordProtobufWriteOptions.defaults().withLabelType(labelType).withFeatureKey(featureKey)
                .withLabelKey(labelKey).withFraming(RecordIoWriteOptions.defaults().withSplitOnMagic(splitOnMagic)
                        .withBufferBytes(4096));
    }
}

package io.mlformats.spark;

import io.mlformats.core.validate.TabularValidatorOptions;
import io.mlformats.core.vector.ValueType;
import io.mlformats.spark.internal.SourceOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link MlFormatsValidation} checks a DataFrame with. Immutable and thread-safe; start from
 * {@link #defaults()}.
 *
 * @param labelColumn    the label column (any numeric type; default {@code "label"}), case-insensitive
 * @param featuresColumn the features column (ml/mllib vector or {@code array<float|double|int>}; default
 *                       {@code "features"}), case-insensitive
 * @param featureType    the value type the channel will be written in: {@code FLOAT32} (default: what
 *                       {@code recordio-protobuf} writes and Linear Learner, Factorization Machines and k-NN
 *                       require) or {@code FLOAT64}; values are checked after conversion (a double beyond the
 *                       float32 range is infinite in float32)
 * @param validator      the algorithm's hyperparameters ({@code num_classes}, {@code feature_dim}) and how many
 *                       problems the report keeps
 */
public record MlFormatsValidationOptions(String labelColumn, String featuresColumn, ValueType featureType,
        TabularValidatorOptions validator) {

    /**
     * Checks the values.
     *
     * @param labelColumn    the label column name, not null
     * @param featuresColumn the features column name, not null
     * @param featureType    the channel's value type, not null
     * @param validator      the validator options, not null
     * @throws NullPointerException for a null value
     */
    public MlFormatsValidationOptions {
        Objects.requireNonNull(labelColumn, "labelColumn");
        Objects.requireNonNull(featuresColumn, "featuresColumn");
        Objects.requireNonNull(featureType, "featureType");
        Objects.requireNonNull(validator, "validator");
    }

    /**
     * Columns {@code label} and {@code features}, float32, {@link TabularValidatorOptions#defaults()}.
     *
     * @return the default options
     */
    public static MlFormatsValidationOptions defaults() {
        return new MlFormatsValidationOptions("label", "features", ValueType.FLOAT32,
                TabularValidatorOptions.defaults());
    }

    /**
     * Options from string settings, for PySpark through {@code _jvm} (a Python {@code dict} arrives as a map):
     * {@code labelColumnName}, {@code featuresColumnName}, {@code featureType} (float32|float64),
     * {@code numClasses}, {@code featureDim}, {@code maxKept}; case-insensitive, absent keys keep the defaults.
     *
     * @param settings the settings
     * @return the options
     * @throws IllegalArgumentException for an unknown key or a bad value, naming it and the accepted values
     */
    public static MlFormatsValidationOptions of(Map<String, String> settings) {
        List<String> known = List.of("labelColumnName", "featuresColumnName", "featureType", "numClasses",
                "featureDim", "maxKept");
        for (String key : settings.keySet()) {
            if (known.stream().noneMatch(key::equalsIgnoreCase)) {
                throw new IllegalArgumentException("MlFormatsValidation: unknown option '" + key + "'; accepted: "
                        + String.join(", ", known));
            }
        }
        SourceOptions o = SourceOptions.of("MlFormatsValidation", settings);
        TabularValidatorOptions d = TabularValidatorOptions.defaults();
        long classes = o.integer("numClasses", d.numClasses());
        long kept = o.integer("maxKept", d.maxKept());
        if (classes < 0 || classes > Integer.MAX_VALUE || kept < 0 || kept > Integer.MAX_VALUE) {
            throw o.bad(classes < 0 || classes > Integer.MAX_VALUE ? "numClasses" : "maxKept",
                    String.valueOf(classes < 0 || classes > Integer.MAX_VALUE ? classes : kept), "0 .. 2^31-1");
        }
        ValueType type = o.choice("featureType", ValueType.class, ValueType.FLOAT32);
        return new MlFormatsValidationOptions(o.string("labelColumnName", "label"),
                o.string("featuresColumnName", "features"), type,
                new TabularValidatorOptions((int) classes, o.integer("featureDim", d.featureDim()), (int) kept));
    }

    /**
     * With other column names.
     *
     * @param label    the label column
     * @param features the features column
     * @return new options equal to these but for the columns
     */
    public MlFormatsValidationOptions withColumns(String label, String features) {
        return new MlFormatsValidationOptions(label, features, featureType, validator);
    }

    /**
     * With another channel value type.
     *
     * @param type {@code FLOAT32} or {@code FLOAT64}
     * @return new options equal to these but for {@code featureType}
     */
    public MlFormatsValidationOptions withFeatureType(ValueType type) {
        return new MlFormatsValidationOptions(labelColumn, featuresColumn, type, validator);
    }

    /**
     * With other validator options.
     *
     * @param options hyperparameters and report size
     * @return new options equal to these but for {@code validator}
     */
    public MlFormatsValidationOptions withValidator(TabularValidatorOptions options) {
        return new MlFormatsValidationOptions(labelColumn, featuresColumn, featureType, options);
    }
}

package io.mlformats.core.vector;

/** Element type of feature values. */
public enum ValueType {
    /** 32-bit IEEE float (the default: what XGBoost, Linear Learner and Factorization Machines use). */
    FLOAT32,
    /** 64-bit IEEE double. */
    FLOAT64
}

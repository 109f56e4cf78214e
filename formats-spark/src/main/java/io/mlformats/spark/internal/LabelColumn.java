package io.mlformats.spark.internal;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a numeric column (label, weight) of rows being written as a {@code double}, from any Spark numeric type
 * (byte, short, int, long, float, double, decimal). Immutable and serializable; built on the driver when the write
 * is planned.
 */
public final class LabelColumn implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final int ordinal;
    private final DataType type;

    private LabelColumn(String name, int ordinal, DataType type) {
        this.name = name;
        this.ordinal = ordinal;
        this.type = type;
    }

    /**
     * Finds and checks a numeric column.
     *
     * @param source the data source or function, for messages
     * @param schema the schema of the rows
     * @param name the column's name (case-insensitive)
     * @param role what the column is ("label", "weight"), for messages
     * @return the column reader
     * @throws IllegalArgumentException if the column is missing or not numeric, naming it and its type
     */
    public static LabelColumn of(String source, StructType schema, String name, String role) {
        int ordinal = Columns.require(source, schema, name, role);
        StructField field = schema.fields()[ordinal];
        if (!accepts(field.dataType())) {
            throw new IllegalArgumentException(source + ": " + role + " column '" + field.name() + "' has type "
                    + field.dataType().simpleString()
                    + "; accepted: " + Columns.NUMERIC_TYPES);
        }
        return new LabelColumn(field.name(), ordinal, field.dataType());
    }

    /**
     * Whether a type is accepted.
     *
     * @param t the type
     * @return true for Spark's numeric types
     */
    public static boolean accepts(DataType t) {
        return t instanceof DoubleType || t instanceof FloatType || t instanceof IntegerType || t instanceof LongType
                || t instanceof ShortType || t instanceof ByteType || t instanceof DecimalType;
    }

    /** @return the column's name as in the schema */
    public String name() {
        return name;
    }

    /**
     * Whether the row's value is null.
     *
     * @param row the row
     * @return true if null
     */
    public boolean isNull(InternalRow row) {
        return row.isNullAt(ordinal);
    }

    /**
     * The row's value (check {@link #isNull} first).
     *
     * @param row the row
     * @return the value as a double
     */
    public double read(InternalRow row) {
        if (type instanceof DoubleType) {
            return row.getDouble(ordinal);
        }
        if (type instanceof FloatType) {
            return row.getFloat(ordinal);
        }
        if (type instanceof IntegerType) {
            return row.getInt(ordinal);
        }
        if (type instanceof LongType) {
            return row.getLong(ordinal);
        }
        if (type instanceof ShortType) {
            return row.getShort(ordinal);
        }
        if (type instanceof ByteType) {
            return row.getByte(ordinal);
        }
        DecimalType d = (DecimalType) type;
        return row.getDecimal(ordinal, d.precision(), d.scale()).toDouble();
    }
}

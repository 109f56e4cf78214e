package io.mlformats.spark.internal;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.UserDefinedType;

/**
 * Reads the features column of rows being written, straight from Spark's {@code InternalRow}: an ml or mllib
 * vector (both have the same SQL form {@code struct<type tinyint, size int, indices array<int>, values
 * array<double>>}), or an {@code array<float|double|int>} (dense). Values are copied element by element into a
 * reused {@link FeatureBuffer}, so no {@code Vector} object is made per row. Immutable and serializable: built
 * on the driver when the write is planned (so a wrong column fails before any task runs), used by every task.
 */
public final class FeatureColumn implements Serializable {
    private static final long serialVersionUID = 1L;

    private enum Kind { VECTOR, FLOAT_ARRAY, DOUBLE_ARRAY, INT_ARRAY }

    private final String name;
    private final int ordinal;
    private final Kind kind;

    private FeatureColumn(String name, int ordinal, Kind kind) {
        this.name = name;
        this.ordinal = ordinal;
        this.kind = kind;
    }

    /**
     * Finds and checks the features column.
     *
     * @param source the data source or function, for messages
     * @param schema the schema of the rows
     * @param name the column's name (case-insensitive, as Spark resolves names)
     * @param allowInt whether {@code array<int>} is accepted
     * @return the column reader
     * @throws IllegalArgumentException if the column is missing or of a type not accepted; the message names the
     *         column, its type and the accepted types
     */
    public static FeatureColumn of(String source, StructType schema, String name, boolean allowInt) {
        int ordinal = Columns.require(source, schema, name, "features");
        StructField field = schema.fields()[ordinal];
        Kind kind = kindOf(field.dataType(), allowInt);
        if (kind == null) {
            throw new IllegalArgumentException(source + ": features column '" + field.name() + "' has type "
                    + field.dataType().simpleString() + "; accepted: an ml or mllib vector, array<float>, "
                    + "array<double>" + (allowInt ? ", array<int>" : ""));
        }
        return new FeatureColumn(field.name(), ordinal, kind);
    }

    /**
     * Whether a type is accepted as features.
     *
     * @param type the type
     * @param allowInt whether {@code array<int>} is accepted
     * @return true if {@link #of} would accept a column of this type
     */
    public static boolean accepts(DataType type, boolean allowInt) {
        return kindOf(type, allowInt) != null;
    }


    private static Kind kindOf(DataType type, boolean allowInt) {
        if (type instanceof UserDefinedType<?> udt) {
            return VectorValues.isVectorSqlType(udt.sqlType()) ? Kind.VECTOR : null;
        }
        if (type instanceof ArrayType array) {
            DataType e = array.elementType();
            if (e.equals(DataTypes.FloatType)) {
                return Kind.FLOAT_ARRAY;
            }
            if (e.equals(DataTypes.DoubleType)) {
                return Kind.DOUBLE_ARRAY;
            }
            if (allowInt && e.equals(DataTypes.IntegerType)) {
                return Kind.INT_ARRAY;
            }
        }
        return null;
    }

    /** @return the column's name as in the schema */
    public String name() {
        return name;
    }

    /** @return the column's position in the row */
    public int ordinal() {
        return ordinal;
    }

    /** @return true if the column holds ml/mllib vectors, false for arrays */
    public boolean isVector() {
        return kind == Kind.VECTOR;
    }

    /**
     * Copies the row's features into {@code dst}.
     *
     * @param row the row
     * @param dst the reused buffer
     * @return false if the value is null (dst unchanged)
     * @throws IllegalArgumentException if an array holds a null element
     */
    public boolean read(InternalRow row, FeatureBuffer dst) {
        if (row.isNullAt(ordinal)) {
            return false;
        }
        if (kind == Kind.VECTOR) {
            VectorValues.read(row.getStruct(ordinal, 4), dst);
            return true;
        }
        ArrayData a = row.getArray(ordinal);
        int n = a.numElements();
        dst.startDense(n);
        double[] v = dst.values;
        for (int i = 0; i < n; i++) {
            if (a.isNullAt(i)) {
                throw new IllegalArgumentException("features column '" + name + "' has a null element at index " + i);
            }
            v[i] = switch (kind) {
                case FLOAT_ARRAY -> a.getFloat(i);
                case DOUBLE_ARRAY -> a.getDouble(i);
                default -> a.getInt(i);
            };
        }
        return true;
    }
}

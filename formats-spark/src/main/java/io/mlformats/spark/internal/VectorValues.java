package io.mlformats.spark.internal;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;

/**
 * Spark's vector values in their SQL form ({@code VectorUDT.sqlType}: {@code struct<type tinyint, size int,
 * indices array<int>, values array<double>>}, type 0 = sparse, 1 = dense; the same for ml and mllib), read and
 * built without {@code Vector} objects. A builder instance reuses one struct row: the row it returns is valid
 * until the next call (Spark copies it into its own row format before asking for the next row). Not thread-safe.
 */
public final class VectorValues {
    private static final byte SPARSE = 0;
    private static final byte DENSE = 1;

    private final GenericInternalRow struct = new GenericInternalRow(4);

    /**
     * Whether a type is the SQL form of a vector.
     *
     * @param sqlType a UDT's SQL type
     * @return true if it is {@code struct<type tinyint, size int, indices array<int>, values array<double>>}
     */
    public static boolean isVectorSqlType(DataType sqlType) {
        if (!(sqlType instanceof StructType s) || s.fields().length != 4) {
            return false;
        }
        StructField[] f = s.fields();
        return f[0].dataType().equals(DataTypes.ByteType) && f[1].dataType().equals(DataTypes.IntegerType)
                && f[2].dataType() instanceof ArrayType a2 && a2.elementType().equals(DataTypes.IntegerType)
                && f[3].dataType() instanceof ArrayType a3 && a3.elementType().equals(DataTypes.DoubleType);
    }

    /**
     * Copies a vector in SQL form into {@code dst}.
     *
     * @param vector the struct
     * @param dst the reused buffer
     */
    public static void read(InternalRow vector, FeatureBuffer dst) {
        ArrayData values = vector.getArray(3);
        int n = values.numElements();
        if (vector.getByte(0) == DENSE) {
            dst.startDense(n);
        } else {
            dst.startSparse(vector.getInt(1), n);
            ArrayData indices = vector.getArray(2);
            int[] idx = dst.indices;
            for (int i = 0; i < n; i++) {
                idx[i] = indices.getInt(i);
            }
        }
        double[] v = dst.values;
        for (int i = 0; i < n; i++) {
            v[i] = values.getDouble(i);
        }
    }

    /**
     * A sparse vector in SQL form; the arrays are copied.
     *
     * @param size the dimension
     * @param indices entry indices, ascending
     * @param values entry values
     * @param nnz number of entries
     * @return the reused struct row
     */
    public InternalRow sparse(int size, int[] indices, double[] values, int nnz) {
        struct.setByte(0, SPARSE);
        struct.setInt(1, size);
        struct.update(2, UnsafeArrayData.fromPrimitiveArray(indices, Platform.INT_ARRAY_OFFSET, nnz, 4));
        struct.update(3, UnsafeArrayData.fromPrimitiveArray(values, Platform.DOUBLE_ARRAY_OFFSET, nnz, 8));
        return struct;
    }

    /**
     * A dense vector in SQL form; the array is copied.
     *
     * @param values the values
     * @param n number of values
     * @return the reused struct row
     */
    public InternalRow dense(double[] values, int n) {
        struct.setByte(0, DENSE);
        struct.setNullAt(1);
        struct.setNullAt(2);
        struct.update(3, UnsafeArrayData.fromPrimitiveArray(values, Platform.DOUBLE_ARRAY_OFFSET, n, 8));
        return struct;
    }
}

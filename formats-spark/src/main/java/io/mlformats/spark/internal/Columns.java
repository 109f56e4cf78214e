package io.mlformats.spark.internal;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Finding the columns a write or a function names, the one way every data source and function does it: names
 * match case-insensitively, as Spark resolves them, and a missing column is an error naming the columns there are
 * and the option that picks it. Stateless.
 */
public final class Columns {
    /** The Spark numeric types a label, weight or count may have, as messages list them. */
    public static final String NUMERIC_TYPES = "tinyint, smallint, int, bigint, float, double, decimal";

    private Columns() {
    }

    /**
     * The position of a column.
     *
     * @param schema the schema
     * @param name the column's name (case-insensitive)
     * @return its index, or -1 when there is none
     */
    public static int indexOf(StructType schema, String name) {
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The position of a column that must exist.
     *
     * @param source the data source or function, for messages
     * @param schema the schema
     * @param name the column's name (case-insensitive)
     * @param role what the column is ({@code label}, {@code features}, {@code value}, ...); the option that names
     *        it is {@code <role>ColumnName}
     * @return its index
     * @throws IllegalArgumentException naming the missing column, the columns there are and the option
     */
    public static int require(String source, StructType schema, String name, String role) {
        int i = indexOf(schema, name);
        if (i < 0) {
            throw new IllegalArgumentException(source + ": no " + role + " column '" + name + "' among the columns "
                    + String.join(", ", schema.fieldNames()) + " (set the " + role + "ColumnName option)");
        }
        return i;
    }

    /**
     * The field of a column that must exist (see {@link #require}).
     *
     * @param source the data source or function, for messages
     * @param schema the schema
     * @param name the column's name
     * @param role what the column is
     * @return the field
     */
    public static StructField field(String source, StructType schema, String name, String role) {
        return schema.fields()[require(source, schema, name, role)];
    }
}

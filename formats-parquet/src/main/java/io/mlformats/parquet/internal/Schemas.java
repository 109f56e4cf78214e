package io.mlformats.parquet.internal;

import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** Questions about Parquet schema nodes: is this a number, a list, a list of lists. Stateless. */
public final class Schemas {
    private Schemas() {
    }

    /** A primitive holding a plain number: INT32/INT64 (integer or no annotation), FLOAT, DOUBLE, BOOLEAN. */
    public static boolean isNumber(Type t) {
        if (!t.isPrimitive()) {
            return false;
        }
        PrimitiveType p = t.asPrimitiveType();
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        return switch (p.getPrimitiveTypeName()) {
            case INT32, INT64 -> a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation;
            case FLOAT, DOUBLE, BOOLEAN -> a == null;
            default -> false;
        };
    }

    /** A top-level (not repeated) number column. */
    public static boolean isScalarNumber(Type t) {
        return isNumber(t) && !t.isRepetition(Type.Repetition.REPEATED);
    }

    /**
     * The element of a list node, or {@code null} when {@code t} is not a list. Understands the standard
     * three-level form ({@code group (LIST) { repeated group list { element } }}), the two-level form
     * ({@code group (LIST) { repeated T element }}) and a bare repeated field.
     */
    public static Type listElement(Type t) {
        if (t.isRepetition(Type.Repetition.REPEATED)) {
            return t;
        }
        if (t.isPrimitive()) {
            return null;
        }
        GroupType g = t.asGroupType();
        if (!(g.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)
                || g.getFieldCount() != 1) {
            return null;
        }
        Type repeated = g.getType(0);
        if (!repeated.isRepetition(Type.Repetition.REPEATED)) {
            return null;
        }
        if (repeated.isPrimitive()) {
            return repeated;
        }
        GroupType rg = repeated.asGroupType();
        return rg.getFieldCount() == 1 ? rg.getType(0) : null;
    }

    /** A list whose elements are numbers. */
    public static boolean isNumberList(Type t) {
        Type e = listElement(t);
        return e != null && isNumber(e);
    }

    /** A list whose elements are lists of numbers. */
    public static boolean isNumberListList(Type t) {
        Type e = listElement(t);
        return e != null && e != t && !e.isPrimitive() && isNumberList(e);
    }

    /** A short human description, e.g. {@code double}, {@code list<float>}. */
    public static String describe(Type t) {
        Type e = listElement(t);
        if (e != null && e != t) {
            return "list<" + describe(e) + ">";
        }
        if (!t.isPrimitive()) {
            return "group";
        }
        PrimitiveType p = t.asPrimitiveType();
        String base = p.getPrimitiveTypeName().name().toLowerCase(java.util.Locale.ROOT);
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        String s = a == null ? base : base + "(" + a + ")";
        return t.isRepetition(Type.Repetition.REPEATED) ? "repeated " + s : s;
    }
}

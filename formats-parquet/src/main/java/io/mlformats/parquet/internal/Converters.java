package io.mlformats.parquet.internal;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * Parquet converters that push numbers straight into caller-owned buffers (no per-value objects). Record
 * assembly calls them column by column; they never throw, so callers record problems and check them after the
 * row is assembled (throwing mid-row would leave the column readers misaligned).
 */
public final class Converters {
    private Converters() {
    }

    /** Receives one number. */
    @FunctionalInterface
    public interface NumberTarget {
        /** Receives the value (integers and booleans widened to double). */
        void set(double v);
    }

    /** Receives the elements of a list: {@link #begin()} per element (null elements get no {@link #set}). */
    public interface ListTarget {
        /** The list is present (not null), possibly empty. Not called for bare repeated fields. */
        default void open() {
        }

        /** A new element starts; its value follows through {@link #set} unless it is null. */
        void begin();

        /** The value of the element begun last. */
        void set(double v);
    }

    /** A converter for a number column (any of INT32, INT64, FLOAT, DOUBLE, BOOLEAN). */
    public static PrimitiveConverter number(NumberTarget target) {
        return new NumberConverter(target);
    }

    /** A converter for a list-of-numbers field (see {@link Schemas#listElement}). */
    public static Converter list(Type field, ListTarget target) {
        Type element = Schemas.listElement(field);
        if (element == field) {
            // Bare repeated primitive: every value is an element.
            return number(v -> {
                target.begin();
                target.set(v);
            });
        }
        return new ListGroup(field.asGroupType(), target, null);
    }

    /**
     * A converter for a list of lists of numbers: {@code outer.begin()} starts a new inner list, whose elements go
     * to {@code inner}.
     */
    public static Converter listOfLists(Type field, ListTarget outer, ListTarget inner) {
        return new ListGroup(field.asGroupType(), outer, inner);
    }

    /** Ignores everything (for columns read but not used). */
    public static Converter ignore(Type t) {
        if (t.isPrimitive()) {
            return new PrimitiveConverter() {
            };
        }
        GroupType g = t.asGroupType();
        Converter[] children = new Converter[g.getFieldCount()];
        for (int i = 0; i < children.length; i++) {
            children[i] = ignore(g.getType(i));
        }
        return new GroupConverter() {
            @Override
            public Converter getConverter(int i) {
                return children[i];
            }

            @Override
            public void start() {
            }

            @Override
            public void end() {
            }
        };
    }

    private static final class NumberConverter extends PrimitiveConverter {
        private final NumberTarget target;

        NumberConverter(NumberTarget target) {
            this.target = target;
        }

        @Override
        public void addBoolean(boolean v) {
            target.set(v ? 1 : 0);
        }

        @Override
        public void addInt(int v) {
            target.set(v);
        }

        @Override
        public void addLong(long v) {
            target.set(v);
        }

        @Override
        public void addFloat(float v) {
            target.set(v);
        }

        @Override
        public void addDouble(double v) {
            target.set(v);
        }
    }

    /** The LIST-annotated group; its single child is the repeated node. */
    private static final class ListGroup extends GroupConverter {
        private final Converter repeated;
        private final ListTarget target;

        ListGroup(GroupType list, ListTarget target, ListTarget inner) {
            this.target = target;
            Type rep = list.getType(0);
            if (rep.isPrimitive()) {
                repeated = number(v -> {
                    target.begin();
                    target.set(v);
                });
            } else {
                GroupType rg = rep.asGroupType();
                Type element = rg.getType(0);
                Converter elementConverter = inner == null ? number(target::set) : list(element, inner);
                repeated = new GroupConverter() {
                    @Override
                    public Converter getConverter(int i) {
                        return elementConverter;
                    }

                    @Override
                    public void start() {
                        target.begin();
                    }

                    @Override
                    public void end() {
                    }
                };
            }
        }

        @Override
        public Converter getConverter(int i) {
            return repeated;
        }

        @Override
        public void start() {
            target.open();
        }

        @Override
        public void end() {
        }
    }
}

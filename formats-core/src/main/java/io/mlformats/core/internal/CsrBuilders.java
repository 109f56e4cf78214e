package io.mlformats.core.internal;

import io.mlformats.core.vector.CsrMatrix;
import java.util.List;
import java.util.Objects;

/**
 * The parts of {@link CsrMatrix.Builder} that parallel loaders need but users should not (joining per-range
 * builders, shifting indices once an AUTO index base is decided). They are package-private in
 * {@code io.mlformats.core.vector}; that package installs an implementation here when it initialises (the JDK's
 * "shared secrets" pattern), so they stay out of the public API without a second builder.
 */
public final class CsrBuilders {
    /** What {@code CsrMatrix.Builder} offers the loaders. */
    public interface Access {
        /** Appends {@code other}'s rows after {@code into}'s; same value type required. */
        void append(CsrMatrix.Builder into, CsrMatrix.Builder other);

        /** Adds {@code delta} to every stored index. */
        void shiftIndices(CsrMatrix.Builder builder, int delta);

        /** One matrix from builders filled in order, each array copied once. */
        CsrMatrix build(List<CsrMatrix.Builder> parts);
    }

    private static volatile Access access;

    private CsrBuilders() {
    }

    /** Called once by {@code CsrMatrix}'s initialiser. */
    public static void install(Access a) {
        access = Objects.requireNonNull(a);
    }

    /** The accessor, initialising {@code CsrMatrix} if needed. */
    public static Access access() {
        Access a = access;
        if (a == null) {
            CsrMatrix.builder(io.mlformats.core.vector.ValueType.FLOAT32);   // runs CsrMatrix's initialiser
            a = access;
        }
        return a;
    }
}

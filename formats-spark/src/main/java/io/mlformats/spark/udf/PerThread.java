package io.mlformats.spark.udf;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * Scratch state per thread for a UDF instance. A UDF object is serialized into Spark's task closures and may be
 * called from several task threads of one executor at once, so its buffers cannot be fields: they live in a
 * {@link ThreadLocal}, created after deserialization (the field is transient) on first use.
 *
 * @param <S> the scratch type
 */
final class PerThread<S> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SerializableSupplier<S> create;
    private transient volatile ThreadLocal<S> local;

    /** A supplier that can travel with the UDF. */
    interface SerializableSupplier<S> extends Supplier<S>, Serializable {
    }

    PerThread(SerializableSupplier<S> create) {
        this.create = create;
    }

    /** This thread's scratch. */
    S get() {
        ThreadLocal<S> l = local;
        if (l == null) {
            synchronized (this) {
                l = local;
                if (l == null) {
                    l = ThreadLocal.withInitial(create);
                    local = l;
                }
            }
        }
        return l.get();
    }
}

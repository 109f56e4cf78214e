package io.mlformats.spark.internal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * A Hadoop {@link Configuration} that travels to executors inside a reader function. Spark's own wrapper is
 * internal API that has moved between versions; {@code Configuration} is a {@code Writable}, which is all this
 * needs. Immutable after construction from the caller's point of view; safe to share between tasks.
 */
public final class SerializableConfiguration implements Serializable {
    private static final long serialVersionUID = 1L;
    private transient Configuration conf;

    /**
     * Wraps {@code conf} (not copied: do not change it afterwards).
     *
     * @param conf the configuration
     */
    public SerializableConfiguration(Configuration conf) {
        this.conf = conf;
    }

    /**
     * The configuration.
     *
     * @return the wrapped configuration
     */
    public Configuration get() {
        return conf;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        conf.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        conf = new Configuration(false);
        conf.readFields(in);
    }
}

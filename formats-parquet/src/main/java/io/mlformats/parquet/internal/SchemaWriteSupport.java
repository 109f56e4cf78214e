package io.mlformats.parquet.internal;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * A {@link WriteSupport} with a fixed schema and footer metadata that hands rows to {@link #write(RecordConsumer,
 * Object)}. The Hadoop {@code init} overload is implemented because Parquet declares it abstract; it is never
 * called (we configure writers with a plain Parquet configuration), so no Hadoop class is loaded when writing.
 */
public abstract class SchemaWriteSupport<T> extends WriteSupport<T> {
    private final MessageType schema;
    private final Map<String, String> metadata;
    private RecordConsumer consumer;

    /** A write support with a fixed {@code schema} and footer {@code metadata}. */
    protected SchemaWriteSupport(MessageType schema, Map<String, String> metadata) {
        this.schema = schema;
        this.metadata = Map.copyOf(metadata);
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, metadata);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, metadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public final void write(T row) {
        consumer.startMessage();
        write(consumer, row);
        consumer.endMessage();
    }

    /** Writes the fields of one row (between startMessage and endMessage). */
    protected abstract void write(RecordConsumer out, T row);

    /** Writes the value of one list element. */
    public interface ElementWriter {
        /** Writes element {@code i}'s value. */
        void write(RecordConsumer out, int i);
    }

    /** Writes list field {@code field} (position {@code index}) of {@code n} elements written by {@code element}. */
    protected static void writeList(RecordConsumer out, String field, int index, int n, ElementWriter element) {
        out.startField(field, index);
        out.startGroup();
        if (n > 0) {
            out.startField("list", 0);
            for (int i = 0; i < n; i++) {
                out.startGroup();
                out.startField("element", 0);
                element.write(out, i);
                out.endField("element", 0);
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
        out.endField(field, index);
    }
}

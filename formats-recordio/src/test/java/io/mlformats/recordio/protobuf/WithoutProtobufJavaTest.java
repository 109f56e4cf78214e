package io.mlformats.recordio.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mlformats.core.ByteSource;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * The readers and writers run with no protobuf-java at all (so whatever version a host such as Spark 3.5 puts
 * first cannot break them): only formats-core and formats-recordio classes in an isolated class loader.
 */
class WithoutProtobufJavaTest {

    @Test
    void writeAndReadRecordsWithNoProtobufOnTheClassPath() throws Exception {
        URL core = ByteSource.class.getProtectionDomain().getCodeSource().getLocation();
        URL recordio = RecordProtobufWriter.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {core, recordio},
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> isolated.loadClass("com.google.protobuf.Message"));

            Class<?> writerClass = isolated.loadClass(RecordProtobufWriter.class.getName());
            Class<?> writeOptions = isolated.loadClass(RecordProtobufWriteOptions.class.getName());
            Object wo = writeOptions.getMethod("defaults").invoke(null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Object writer = writerClass.getMethod("open", OutputStream.class, writeOptions).invoke(null, out, wo);
            Method dense = writerClass.getMethod("writeDense", float[].class, double.class);
            dense.invoke(writer, new float[] {1.5f, -2f, 0f}, 1.0);
            dense.invoke(writer, new float[] {4f, 5f, 6f}, 0.0);
            writerClass.getMethod("commit").invoke(writer);
            writerClass.getMethod("close").invoke(writer);

            // The same bytes as the writer loaded normally (with protobuf-java present) produces.
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (RecordProtobufWriter w = RecordProtobufWriter.open(expected, RecordProtobufWriteOptions.defaults())) {
                w.writeDense(new float[] {1.5f, -2f, 0f}, 1.0);
                w.writeDense(new float[] {4f, 5f, 6f}, 0.0);
                w.commit();
            }
            assertArrayEquals(expected.toByteArray(), out.toByteArray());

            Class<?> sources = isolated.loadClass("io.mlformats.core.ByteSources");
            Class<?> source = isolated.loadClass("io.mlformats.core.ByteSource");
            Class<?> input = isolated.loadClass("io.mlformats.core.ByteInput");
            Object bytes = sources.getMethod("of", byte[].class).invoke(null, (Object) out.toByteArray());
            Object in = source.getMethod("input").invoke(bytes);
            Class<?> readerClass = isolated.loadClass(RecordProtobufReader.class.getName());
            Class<?> readOptions = isolated.loadClass(RecordProtobufReadOptions.class.getName());
            Object reader = readerClass.getMethod("open", input, readOptions).invoke(null, in,
                    readOptions.getMethod("defaults").invoke(null));
            Class<?> recordView = isolated.loadClass(RecordView.class.getName());
            Class<?> tensorView = isolated.loadClass(TensorView.class.getName());
            float[][] rows = new float[2][3];
            double[] labels = new double[2];
            for (int r = 0; (Boolean) readerClass.getMethod("next").invoke(reader); r++) {
                Object rec = readerClass.getMethod("current").invoke(reader);
                Object features = recordView.getMethod("features").invoke(rec);
                tensorView.getMethod("copyTo", float[].class, int.class).invoke(features, rows[r], 0);
                Object label = recordView.getMethod("label").invoke(rec);
                labels[r] = (Double) tensorView.getMethod("value", int.class).invoke(label, 0);
            }
            readerClass.getMethod("close").invoke(reader);
            assertArrayEquals(new float[] {1.5f, -2f, 0f}, rows[0]);
            assertArrayEquals(new float[] {4f, 5f, 6f}, rows[1]);
            assertEquals(1.0, labels[0]);
            assertEquals(0.0, labels[1]);
        }
    }
}

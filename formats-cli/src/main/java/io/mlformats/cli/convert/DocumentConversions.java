package io.mlformats.cli.convert;

import io.mlformats.core.vector.LabeledRow;
import io.mlformats.blazingtext.BlazingTextManifest;
import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.blazingtext.BlazingTextWriteOptions;
import io.mlformats.blazingtext.BlazingTextWriter;
import io.mlformats.core.FormatException;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.vector.ValueType;
import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.deepar.DeepArSeries;
import io.mlformats.deepar.DeepArSeriesView;
import io.mlformats.deepar.DeepArWriteOptions;
import io.mlformats.deepar.DeepArWriter;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.AugmentedManifestWriter;
import io.mlformats.manifest.ManifestReadOptions;
import io.mlformats.manifest.ManifestWriteOptions;
import io.mlformats.parquet.DeepArParquetReadOptions;
import io.mlformats.parquet.DeepArParquetReader;
import io.mlformats.parquet.DeepArParquetSeries;
import io.mlformats.parquet.DeepArParquetWriteOptions;
import io.mlformats.parquet.DeepArParquetWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The record-level conversions that are not feature rows: DeepAR JSON Lines to and from a DeepAR Parquet table,
 * and BlazingText supervised text to and from its augmented-manifest form ({@link BlazingTextManifest}). Each
 * streams its inputs in order into one atomically published output ({@link Sink}). Stateless.
 */
public final class DocumentConversions {
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private DocumentConversions() {
    }

    /** What a conversion tells its caller: the output to abort on a signal, and each input's reading stats. */
    public interface Listener {
        /**
         * Registers the abort handle of the output; the conversion checks the returned guard for a stop request
         * and publishes the output through it.
         */
        Cleanup.Guard output(RowSink abortable);

        /** One input was read completely, with these stats. */
        void finished(io.mlformats.core.ReadStats stats);
    }

    /** The abort handle of a document output (the conversion publishes it through its guard). */
    interface Sink extends RowSink {
        @Override
        default void write(LabeledRow row) {
            throw new UnsupportedOperationException("not a feature-row output");
        }
    }

    /** DeepAR JSON Lines into a DeepAR Parquet table; returns the number of series. */
    public static long deepArToParquet(List<Path> inputs, Path output, ConvertOptions o, Listener reg)
            throws IOException {
        DeepArReadOptions ro = DeepArReadOptions.training().withRead(o.readOptions());
        ValueType t = o.dtype() != null ? o.dtype() : ValueType.FLOAT32;
        DeepArParquetWriter[] w = new DeepArParquetWriter[1];
        Cleanup.Guard guard = reg.output(abortOnly(() -> {
            if (w[0] != null) {
                w[0].abort();
            }
        }));
        long n = 0;
        try {
            for (Path in : inputs) {
                try (DeepArReader r = DeepArReader.open(in, ro)) {
                    while (r.next()) {
                        guard.checkStop();
                        DeepArSeriesView v = r.current();
                        if (w[0] == null) {
                            w[0] = DeepArParquetWriter.open(output, DeepArParquetWriteOptions.defaults()
                                    .withTargetType(t).withCat(v.hasCat()).withDynamicFeat(v.hasDynamicFeat()));
                        }
                        try {
                            w[0].write(toParquet(v));
                        } catch (IllegalArgumentException e) {
                            throw new FormatException(r.position(), "cannot write this series: " + e.getMessage()
                                    + " (every series of a Parquet table has the columns of the first)");
                        }
                        n++;
                    }
                    reg.finished(r.stats());
                    guard.checkStop();
                }
            }
            if (w[0] == null) {
                w[0] = DeepArParquetWriter.open(output, DeepArParquetWriteOptions.defaults().withTargetType(t));
            }
            guard.commit(w[0]::commit);
            return n;
        } catch (IOException | RuntimeException e) {
            if (w[0] != null) {
                w[0].abort();
            }
            throw e;
        }
    }

    private static DeepArParquetSeries toParquet(DeepArSeriesView v) {
        double[] target = new double[v.targetLength()];
        float[] ta = v.targetArray();
        for (int i = 0; i < target.length; i++) {
            target[i] = ta[i];
        }
        long[] cat = null;
        if (v.hasCat()) {
            cat = new long[v.catLength()];
            for (int i = 0; i < cat.length; i++) {
                cat[i] = v.catArray()[i];
            }
        }
        double[][] dyn = null;
        if (v.hasDynamicFeat()) {
            dyn = new double[v.dynamicFeatCount()][];
            for (int r = 0; r < dyn.length; r++) {
                float[] row = v.dynamicFeatArray(r);
                dyn[r] = new double[v.dynamicFeatLength(r)];
                for (int i = 0; i < dyn[r].length; i++) {
                    dyn[r][i] = row[i];
                }
            }
        }
        return new DeepArParquetSeries(START.format(v.start()), target, cat, dyn);
    }

    /**
     * A DeepAR Parquet table into DeepAR JSON Lines. Values are written as float32, the precision DeepAR reads
     * them in; a start must be {@code YYYY-MM-DD[ HH:MM:SS]}.
     */
    public static long parquetToDeepAr(List<Path> inputs, Path output, ConvertOptions o, Listener reg)
            throws IOException {
        DeepArWriter w = DeepArWriter.open(output, DeepArWriteOptions.defaults().withGzip(o.gzip()));
        Cleanup.Guard guard = reg.output(abortOnly(w::abort));
        long n = 0;
        try {
            for (Path in : inputs) {
                try (DeepArParquetReader r = DeepArParquetReader.open(in, DeepArParquetReadOptions.defaults().withRead(o.readOptions()))) {
                    while (r.next()) {
                        guard.checkStop();
                        DeepArParquetSeries s = r.current().copy();
                        try {
                            w.write(start(s.start(), r.position()), floats(s.target()), s.target().length, ints(s.cat(), r.position()),
                                    s.cat() == null ? 0 : s.cat().length, rows(s.dynamicFeat()),
                                    lengths(s.dynamicFeat()), s.dynamicFeat() == null ? 0 : s.dynamicFeat().length,
                                    null);
                        } catch (IllegalArgumentException e) {
                            throw new FormatException(r.position(), "cannot write this series: " + e.getMessage());
                        }
                        n++;
                    }
                    reg.finished(r.stats());
                    guard.checkStop();
                }
            }
            guard.commit(w::commit);
            return n;
        } catch (IOException | RuntimeException e) {
            w.abort();
            throw e;
        }
    }

    /**
     * A DeepAR Parquet series as the JSON Lines module's owned series, so the one DeepAR rule set (its validator)
     * applies to Parquet tables too. Values become float32, DeepAR's precision.
     *
     * @throws FormatException at {@code at} for a start that is not a date or timestamp, or a cat beyond int32
     */
    public static DeepArSeries toSeries(DeepArParquetSeries s, SourcePosition at) throws FormatException {
        return new DeepArSeries(start(s.start(), at), floats(s.target()), ints(s.cat(), at), rows(s.dynamicFeat()),
                java.util.Map.of());
    }

    private static LocalDateTime start(String s, SourcePosition at) throws FormatException {
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s, START);
        } catch (DateTimeParseException e) {
            throw new FormatException(at, "start '" + s + "' is not YYYY-MM-DD or YYYY-MM-DD HH:MM:SS");
        }
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static int[] ints(long[] v, SourcePosition at) throws FormatException {
        if (v == null) {
            return null;
        }
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < Integer.MIN_VALUE || v[i] > Integer.MAX_VALUE) {
                throw new FormatException(at, "cat[" + i + "] = " + v[i] + " does not fit DeepAR's int32");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    private static float[][] rows(double[][] d) {
        if (d == null) {
            return null;
        }
        float[][] out = new float[d.length][];
        for (int i = 0; i < d.length; i++) {
            out[i] = floats(d[i]);
        }
        return out;
    }

    private static int[] lengths(double[][] d) {
        if (d == null) {
            return new int[0];
        }
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i].length;
        }
        return out;
    }

    /** BlazingText supervised text into augmented-manifest lines ({@code {"source": .., "label": n}}). */
    public static long textToManifest(List<Path> inputs, Path output, ConvertOptions o, Listener reg)
            throws IOException {
        AugmentedManifestWriter w = AugmentedManifestWriter.open(output, ManifestWriteOptions.defaults().withGzip(o.gzip()));
        Cleanup.Guard guard = reg.output(abortOnly(w::abort));
        long n = 0;
        try {
            for (Path in : inputs) {
                try (BlazingTextReader r = BlazingTextReader.open(in,
                        BlazingTextReadOptions.supervised().withRead(o.readOptions()))) {
                    n += BlazingTextManifest.toManifest(r, w);
                    reg.finished(r.stats());
                    guard.checkStop();
                }
            }
            guard.commit(w::commit);
            return n;
        } catch (IOException | RuntimeException e) {
            w.abort();
            throw e;
        }
    }

    /** Augmented-manifest lines ({@code source}, {@code label}) into BlazingText supervised text. */
    public static long manifestToText(List<Path> inputs, Path output, ConvertOptions o, Listener reg)
            throws IOException {
        BlazingTextWriter w = BlazingTextWriter.open(output, BlazingTextWriteOptions.defaults().withGzip(o.gzip()));
        Cleanup.Guard guard = reg.output(abortOnly(w::abort));
        long n = 0;
        try {
            for (Path in : inputs) {
                try (AugmentedManifestReader r = AugmentedManifestReader.open(in,
                        ManifestReadOptions.attributes(BlazingTextManifest.SOURCE, BlazingTextManifest.LABEL)
                                .withRead(o.readOptions()))) {
                    n += BlazingTextManifest.fromManifest(r, w, "__label__");
                    reg.finished(r.stats());
                    guard.checkStop();
                }
            }
            guard.commit(w::commit);
            return n;
        } catch (IOException | RuntimeException e) {
            w.abort();
            throw e;
        }
    }

    private static Sink abortOnly(Runnable abort) {
        return new Sink() {
            @Override
            public void commit() {
                // The conversion closes its writer itself.
            }

            @Override
            public void abort() {
                abort.run();
            }
        };
    }
}

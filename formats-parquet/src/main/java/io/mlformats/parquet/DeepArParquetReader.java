package io.mlformats.parquet;

import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.internal.ReaderGuard;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SourcePosition;
import io.mlformats.parquet.internal.Converters;
import io.mlformats.parquet.internal.ParquetRows;
import io.mlformats.parquet.internal.Schemas;
import io.mlformats.parquet.internal.StartText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads DeepAR series from a Parquet file (a local file, or any parquet-java {@link InputFile}): {@code start} (a string, a timestamp without time zone in any
 * unit, or a date; timestamps are rendered {@code YYYY-MM-DD HH:MM:SS}), {@code target} (list of numbers; null
 * elements become NaN), and the optional {@code cat} and {@code dynamic_feat} columns. Other columns are
 * ignored. Needs the Hadoop client jars on the class path (see {@link ParquetFeatureReader}).
 *
 * <p>{@link #current()} is a {@link DeepArParquetSeriesView} reused for every row, valid until the next
 * {@link #next()} or {@link #close()}; its {@code copy()} keeps one. No allocation per row by this reader once its
 * buffers have grown to the longest series (parquet-java itself allocates a small {@code Binary} per string
 * {@code start} value). A null {@code start} or {@code target}, a non-integer {@code cat}, or a sub-second
 * timestamp is a {@link FormatException} (skipped under SKIP_AND_COLLECT). Not thread-safe: one reader per thread
 * ({@link #next()} from a thread other than the first caller's, and any read after {@link #close()}, throw
 * {@link IllegalStateException}).
 */
public final class DeepArParquetReader implements RecordReader<DeepArParquetSeriesView> {
    private final ParquetRows rows;
    private final DeepArParquetReadOptions options;
    private final ReadCounter stats;
    private final Materializer m;
    private boolean onRow;
    private final ReaderGuard guard = new ReaderGuard("DeepArParquetReader");

    private DeepArParquetReader(ParquetRows rows, DeepArParquetReadOptions options) throws FormatException {
        this.rows = rows;
        this.options = options;
        this.stats = new ReadCounter(options.read().maxErrorsKept());
        MessageType schema = rows.fileSchema();
        String file = rows.position().source();
        SourcePosition head = SourcePosition.ofRecord(file, 0, -1);
        if (!schema.containsField("start") || !schema.containsField("target")) {
            throw new FormatException(head, "a DeepAR table needs columns 'start' and 'target'; found "
                    + schema.getFields().stream().map(Type::getName).toList());
        }
        if (!Schemas.isNumberList(schema.getType("target"))) {
            throw new FormatException(head, "'target' is " + Schemas.describe(schema.getType("target"))
                    + ", expected list<number>");
        }
        if (schema.containsField("cat") && !Schemas.isNumberList(schema.getType("cat"))) {
            throw new FormatException(head, "'cat' is " + Schemas.describe(schema.getType("cat"))
                    + ", expected list<int>");
        }
        if (schema.containsField("dynamic_feat") && !Schemas.isNumberListList(schema.getType("dynamic_feat"))) {
            throw new FormatException(head, "'dynamic_feat' is " + Schemas.describe(schema.getType("dynamic_feat"))
                    + ", expected list<list<number>>");
        }
        Type start = schema.getType("start");
        if (!start.isPrimitive() || start.isRepetition(Type.Repetition.REPEATED)) {
            throw new FormatException(head, "'start' is " + Schemas.describe(start) + ", expected string or timestamp");
        }
        List<Type> requested = new ArrayList<>();
        for (Type t : schema.getFields()) {
            if (List.of("start", "target", "cat", "dynamic_feat").contains(t.getName())) {
                requested.add(t);
            }
        }
        MessageType projection = new MessageType(schema.getName(), requested);
        this.m = new Materializer(projection, head);
        rows.project(projection, m);
    }

    /**
     * Opens a local Parquet file and checks its DeepAR columns.
     *
     * <p>The reader opens the file and closes it on {@code close()}.
     *
     * @param file    the local Parquet file
     * @param options error handling of the read
     * @return a reader positioned before the first series
     * @throws FormatException if the file is not Parquet or lacks the DeepAR columns
     * @throws IOException     if the file cannot be read, or the Hadoop client jars are missing
     */
    public static DeepArParquetReader open(Path file, DeepArParquetReadOptions options) throws IOException {
        return open(ParquetRows.open(file, options.read().limits()), options);
    }

    /**
     * Opens a Parquet file through parquet-java's {@link InputFile} (an object store, HDFS, bytes in memory...);
     * positions name it by its {@code toString()} (by its class and length when that is
     * {@code Object.toString()}'s hash). The streams the reader opens from it are closed on
     * {@code close()}.
     *
     * <p>The caller owns {@code file}; the reader never closes it.
     *
     * @param file    the Parquet file, owned by the caller
     * @param options error handling of the read
     * @return a reader positioned before the first series
     * @throws FormatException if the file is not Parquet or lacks the DeepAR columns
     * @throws IOException     if the file cannot be read, or the Hadoop client jars are missing
     */
    public static DeepArParquetReader open(InputFile file, DeepArParquetReadOptions options) throws IOException {
        return open(ParquetRows.open(file, options.read().limits()), options);
    }

    /**
     * Opens a local Parquet file with {@link DeepArParquetReadOptions#defaults()}.
     *
     * <p>The reader opens the file and closes it on {@code close()}.
     *
     * @param file the local Parquet file
     * @return a reader positioned before the first series
     * @throws IOException as {@link #open(Path, DeepArParquetReadOptions)}
     */
    public static DeepArParquetReader open(Path file) throws IOException {
        return open(file, DeepArParquetReadOptions.defaults());
    }

    private static DeepArParquetReader open(ParquetRows rows, DeepArParquetReadOptions options)
            throws IOException {
        try {
            return new DeepArParquetReader(rows, options);
        } catch (IOException | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /** {@inheritDoc} */
    @Override
    public boolean next() throws IOException {
        guard.enter();
        onRow = false;
        while (rows.next()) {
            String problem = m.problem;
            if (problem == null) {
                onRow = true;
                stats.addRecord();
                stats.setBytes(rows.bytesDone());
                return true;
            }
            FormatException e = new FormatException(rows.position(), problem);
            if (!options.read().skipErrors()) {
                throw e;
            }
            stats.addSkipped(e);
        }
        return false;
    }

    /**
     * The current series: a view reused for every row (see {@link DeepArParquetSeriesView}).
     *
     * @throws IllegalStateException before the first {@link #next()} or after it returned false
     */
    @Override
    public DeepArParquetSeriesView current() {
        if (!onRow) {
            throw guard.noCurrent("no current series: call next() first, and only while it returns true");
        }
        return m.v;
    }

    /** {@inheritDoc} */
    @Override
    public SourcePosition position() {
        return rows.position();
    }

    /** {@inheritDoc} */
    @Override
    public ReadStats stats() {
        return stats;
    }

    /**
     * Rows in the file, from the footer.
     *
     * @return the number of rows (series) the footer declares, skipped ones included
     */
    public long totalRows() {
        return rows.totalRows();
    }

    /** Closes what the reader opened (the file, or the streams opened from the caller's {@code InputFile}). */
    @Override
    public void close() throws IOException {
        guard.close();
        onRow = false;
        rows.close();
    }

    private static final class Materializer extends RecordMaterializer<DeepArParquetSeriesView> {
        private final GroupConverter root;
        private final DeepArParquetSeriesView v = new DeepArParquetSeriesView();
        private final StartText text = new StartText();
        String problem;
        boolean startSeen;

        Materializer(MessageType projection, SourcePosition head) throws FormatException {
            Converter[] cs = new Converter[projection.getFieldCount()];
            for (int i = 0; i < cs.length; i++) {
                Type t = projection.getType(i);
                switch (t.getName()) {
                    case "start" -> cs[i] = startConverter(t.asPrimitiveType(), head);
                    case "target" -> cs[i] = Converters.list(t, new Converters.ListTarget() {
                        @Override
                        public void begin() {
                            v.target.add(Double.NaN);
                        }

                        @Override
                        public void set(double x) {
                            v.target.setLast(x);
                        }
                    });
                    case "cat" -> cs[i] = Converters.list(t, new Converters.ListTarget() {
                        @Override
                        public void open() {
                            v.hasCat = true;
                        }

                        @Override
                        public void begin() {
                            v.cat.add(Double.NaN);
                        }

                        @Override
                        public void set(double x) {
                            v.cat.setLast(x);
                        }
                    });
                    default -> cs[i] = Converters.listOfLists(t, new Converters.ListTarget() {
                        @Override
                        public void open() {
                            v.hasDynamicFeat = true;
                        }

                        @Override
                        public void begin() {
                            v.nextDynamicFeat();
                        }

                        @Override
                        public void set(double x) {
                        }
                    }, new Converters.ListTarget() {
                        @Override
                        public void begin() {
                            v.lastDynamicFeat().add(Double.NaN);
                        }

                        @Override
                        public void set(double x) {
                            v.lastDynamicFeat().setLast(x);
                        }
                    });
                }
            }
            root = new GroupConverter() {
                @Override
                public Converter getConverter(int i) {
                    return cs[i];
                }

                @Override
                public void start() {
                    problem = null;
                    startSeen = false;
                    v.clear();
                }

                @Override
                public void end() {
                    if (!startSeen && problem == null) {
                        problem = "'start' is null";
                    }
                    for (int i = 0; i < v.cat.n && problem == null; i++) {
                        double x = v.cat.a[i];
                        if (Double.isNaN(x) || x != Math.rint(x)) {
                            problem = "'cat' element " + i + " is " + (Double.isNaN(x) ? "null" : x)
                                    + ", expected an integer";
                        }
                    }
                    // A row whose target list is null assembles no target elements; the 'required' schema of our
                    // writer never produces it, other writers may.
                }
            };
        }

        private PrimitiveConverter startConverter(PrimitiveType t, SourcePosition head) throws FormatException {
            LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
            switch (t.getPrimitiveTypeName()) {
                case BINARY -> {
                    return new PrimitiveConverter() {
                        @Override
                        public void addBinary(Binary value) {
                            startSeen = true;
                            text.decode(value, v.start);
                        }
                    };
                }
                case INT64 -> {
                    if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
                        long perSecond = switch (ts.getUnit()) {
                            case MILLIS -> 1_000L;
                            case MICROS -> 1_000_000L;
                            case NANOS -> 1_000_000_000L;
                        };
                        return new PrimitiveConverter() {
                            @Override
                            public void addLong(long x) {
                                startSeen = true;
                                if (Math.floorMod(x, perSecond) != 0) {
                                    problem = "'start' timestamp has a fraction of a second; DeepAR takes whole seconds";
                                }
                                StartText.appendDateTime(v.start, Math.floorDiv(x, perSecond));
                            }
                        };
                    }
                }
                case INT32 -> {
                    if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                        return new PrimitiveConverter() {
                            @Override
                            public void addInt(int x) {
                                startSeen = true;
                                StartText.appendDateTime(v.start, x * 86_400L);
                            }
                        };
                    }
                }
                default -> {
                }
            }
            throw new FormatException(head, "'start' is " + Schemas.describe(t)
                    + ", expected string, timestamp or date");
        }

        @Override
        public DeepArParquetSeriesView getCurrentRecord() {
            return v;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }
}

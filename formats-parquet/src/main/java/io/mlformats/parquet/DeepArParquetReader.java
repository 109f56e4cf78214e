package io.mlformats.parquet;

import io.mlformats.core.FormatException;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SourcePosition;
import io.mlformats.parquet.internal.Converters;
import io.mlformats.parquet.internal.ParquetRows;
import io.mlformats.parquet.internal.Schemas;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Reads DeepAR series from a local Parquet file: {@code start} (a string, a timestamp without time zone in any
 * unit, or a date; timestamps are rendered {@code YYYY-MM-DD HH:MM:SS}), {@code target} (list of numbers; null
 * elements become NaN), and the optional {@code cat} and {@code dynamic_feat} columns. Other columns are
 * ignored. Needs the Hadoop client jars on the class path (see {@link ParquetFeatureReader}).
 *
 * <p>Each {@link #current()} is a new owned {@link DeepArParquetSeries}. A null {@code start} or {@code target},
 * a non-integer {@code cat}, or a sub-second timestamp is a {@link FormatException} (skipped under
 * SKIP_AND_COLLECT). Not thread-safe.
 */
public final class DeepArParquetReader implements RecordReader<DeepArParquetSeries> {
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ParquetRows rows;
    private final ReadOptions options;
    private final ReadCounter stats;
    private final Materializer m;
    private DeepArParquetSeries current;

    private DeepArParquetReader(ParquetRows rows, ReadOptions options) throws FormatException {
        this.rows = rows;
        this.options = options;
        this.stats = new ReadCounter(options.maxErrorsKept());
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

    public static DeepArParquetReader open(Path file, ReadOptions options) throws IOException {
        ParquetRows rows = ParquetRows.open(file);
        try {
            return new DeepArParquetReader(rows, options);
        } catch (IOException | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    public static DeepArParquetReader open(Path file) throws IOException {
        return open(file, ReadOptions.defaults());
    }

    @Override
    public boolean next() throws IOException {
        while (rows.next()) {
            String problem = m.problem;
            if (problem == null) {
                current = m.build();
                stats.addRecord();
                stats.setBytes(rows.bytesDone());
                return true;
            }
            FormatException e = new FormatException(rows.position(), problem);
            if (!options.skipErrors()) {
                throw e;
            }
            stats.addSkipped(e);
        }
        current = null;
        return false;
    }

    @Override
    public DeepArParquetSeries current() {
        return current;
    }

    @Override
    public SourcePosition position() {
        return rows.position();
    }

    @Override
    public ReadStats stats() {
        return stats;
    }

    /** Rows in the file, from the footer. */
    public long totalRows() {
        return rows.totalRows();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

    /** Growable double buffer. */
    private static final class Doubles {
        double[] a = new double[64];
        int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        void setLast(double v) {
            a[n - 1] = v;
        }
    }

    private static final class Materializer extends RecordMaterializer<DeepArParquetSeries> {
        private final GroupConverter root;
        String problem;
        String start;
        final Doubles target = new Doubles();
        final Doubles cat = new Doubles();
        boolean catSeen;
        final List<Doubles> dyn = new ArrayList<>();
        int dynRows;
        boolean dynSeen;
        boolean hasCatColumn;
        boolean hasDynColumn;

        Materializer(MessageType projection, SourcePosition head) throws FormatException {
            Converter[] cs = new Converter[projection.getFieldCount()];
            for (int i = 0; i < cs.length; i++) {
                Type t = projection.getType(i);
                switch (t.getName()) {
                    case "start" -> cs[i] = startConverter(t.asPrimitiveType(), head);
                    case "target" -> cs[i] = Converters.list(t, new Converters.ListTarget() {
                        @Override
                        public void begin() {
                            target.add(Double.NaN);
                        }

                        @Override
                        public void set(double v) {
                            target.setLast(v);
                        }
                    });
                    case "cat" -> {
                        hasCatColumn = true;
                        cs[i] = Converters.list(t, new Converters.ListTarget() {
                            @Override
                            public void open() {
                                catSeen = true;
                            }

                            @Override
                            public void begin() {
                                cat.add(Double.NaN);
                            }

                            @Override
                            public void set(double v) {
                                cat.setLast(v);
                            }
                        });
                    }
                    default -> {
                        hasDynColumn = true;
                        cs[i] = Converters.listOfLists(t, new Converters.ListTarget() {
                            @Override
                            public void open() {
                                dynSeen = true;
                            }

                            @Override
                            public void begin() {
                                if (dynRows == dyn.size()) {
                                    dyn.add(new Doubles());
                                }
                                dyn.get(dynRows++).n = 0;
                            }

                            @Override
                            public void set(double v) {
                            }
                        }, new Converters.ListTarget() {
                            @Override
                            public void begin() {
                                dyn.get(dynRows - 1).add(Double.NaN);
                            }

                            @Override
                            public void set(double v) {
                                dyn.get(dynRows - 1).setLast(v);
                            }
                        });
                    }
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
                    start = null;
                    target.n = 0;
                    cat.n = 0;
                    catSeen = false;
                    dynRows = 0;
                    dynSeen = false;
                }

                @Override
                public void end() {
                    if (start == null && problem == null) {
                        problem = "'start' is null";
                    }
                    for (int i = 0; i < cat.n && problem == null; i++) {
                        double v = cat.a[i];
                        if (Double.isNaN(v) || v != Math.rint(v)) {
                            problem = "'cat' element " + i + " is " + (Double.isNaN(v) ? "null" : v)
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
                            start = value.toStringUsingUTF8();
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
                            public void addLong(long v) {
                                long sec = Math.floorDiv(v, perSecond);
                                if (Math.floorMod(v, perSecond) != 0) {
                                    problem = "'start' timestamp has a fraction of a second; DeepAR takes whole seconds";
                                }
                                start = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC).format(START);
                            }
                        };
                    }
                }
                case INT32 -> {
                    if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                        return new PrimitiveConverter() {
                            @Override
                            public void addInt(int v) {
                                start = LocalDate.ofEpochDay(v).atStartOfDay().format(START);
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

        DeepArParquetSeries build() {
            long[] c = null;
            if (catSeen) {
                c = new long[cat.n];
                for (int i = 0; i < cat.n; i++) {
                    double v = cat.a[i];
                    c[i] = (long) v;
                }
            }
            double[][] d = null;
            if (dynSeen) {
                d = new double[dynRows][];
                for (int i = 0; i < dynRows; i++) {
                    d[i] = Arrays.copyOf(dyn.get(i).a, dyn.get(i).n);
                }
            }
            return new DeepArParquetSeries(start, Arrays.copyOf(target.a, target.n), c, d);
        }

        @Override
        public DeepArParquetSeries getCurrentRecord() {
            return null;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }
}

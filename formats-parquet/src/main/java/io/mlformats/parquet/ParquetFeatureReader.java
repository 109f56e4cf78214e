package io.mlformats.parquet;

import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.internal.ReaderGuard;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.TabularReader;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.ValueType;
import io.mlformats.parquet.internal.FeatureMaterializer;
import io.mlformats.parquet.internal.ParquetRows;
import io.mlformats.parquet.internal.Schemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a Parquet table (a local file, or any parquet-java {@link InputFile}) as labelled feature rows
 * ({@link LabeledRow}): numeric feature columns, one list column, or a sparse index/value pair of list columns,
 * with label and weight columns by name (see {@link ParquetFeatureReadOptions} for the defaults). Only the columns needed are read, one row group at a time, so
 * memory is bounded by the row group size, not the file size.
 *
 * <p>Reading needs {@code hadoop-client-api} and {@code hadoop-client-runtime} on the class path (a Parquet 1.18
 * limitation); {@link #open} says so clearly when they are missing.
 *
 * <p>Problems in a row (null label in strict mode, sparse index/value lists of different lengths, a negative or
 * unsorted index) are {@link FormatException}s positioned at the file, the row group's byte offset and the
 * 0-based row index; under {@link io.mlformats.core.ErrorPolicy#SKIP_AND_COLLECT} such rows are skipped and
 * counted. Damaged pages always fail.
 *
 * <p>{@link #current()} (the same object as {@link #currentRow()}) is a view reused for every row, valid until
 * the next {@link #next()} or {@link #close()}: at most one label (none when the table has no label column, or
 * in lenient mode for a null label), the weight when a weight column is read, and dense features (a null cell is
 * NaN) or sparse features (COLUMNS tables never; SPARSE tables always; absent entries are missing values). The
 * vectors behind it belong to the reader; {@link LabeledRow#copy()} keeps a row. No allocation per row once the
 * buffers have grown to the widest row. Not thread-safe: one reader per thread
 * ({@link #next()} from a thread other than the first caller's, and any read after {@link #close()}, throw
 * {@link IllegalStateException}).
 */
public final class ParquetFeatureReader implements TabularReader<LabeledRow> {
    /** Footer key under which {@link ParquetFeatureWriter} records the feature dimension of sparse tables. */
    public static final String NUM_FEATURES_KEY = "mlformats.num_features";

    private final ParquetRows rows;
    private final ParquetFeatureReadOptions options;
    private final FeatureMaterializer materializer;
    private final FeatureLayout layout;
    private final String labelColumn;
    private final String weightColumn;
    private final List<String> featureColumns;
    private final List<String> ignoredColumns;
    private final ValueType valueType;
    private final ReadCounter stats;
    private final long declaredDimension;
    private boolean onRow;
    private final ReaderGuard guard = new ReaderGuard("ParquetFeatureReader");

    private ParquetFeatureReader(ParquetRows rows, ParquetFeatureReadOptions options) throws FormatException {
        this.rows = rows;
        this.options = options;
        this.stats = new ReadCounter(options.read().maxErrorsKept());
        MessageType schema = rows.fileSchema();
        String file = rows.position().source();

        labelColumn = chooseLabel(schema, options, file);
        weightColumn = options.weightColumn();
        if (weightColumn != null) {
            requireScalar(schema, weightColumn, "weight", file);
        }
        Set<String> taken = new HashSet<>();
        if (labelColumn != null) {
            taken.add(labelColumn);
        }
        if (weightColumn != null) {
            taken.add(weightColumn);
        }
        layout = chooseLayout(schema, options, taken);
        List<String> features = new ArrayList<>();
        switch (layout) {
            case SPARSE -> {
                String idx = options.indicesColumn() != null ? options.indicesColumn() : "indices";
                String val = options.valuesColumn() != null ? options.valuesColumn() : "values";
                requireList(schema, idx, "sparse indices", file);
                requireList(schema, val, "sparse values", file);
                features.add(idx);
                features.add(val);
            }
            case LIST -> {
                String col = !options.featureColumns().isEmpty() ? options.featureColumns().get(0)
                        : onlyList(schema, taken, file);
                requireList(schema, col, "features", file);
                features.add(col);
            }
            case COLUMNS -> {
                if (!options.featureColumns().isEmpty()) {
                    for (String c : options.featureColumns()) {
                        requireScalar(schema, c, "feature", file);
                        features.add(c);
                    }
                } else {
                    for (Type t : schema.getFields()) {
                        if (!taken.contains(t.getName()) && Schemas.isScalarNumber(t)) {
                            features.add(t.getName());
                        }
                    }
                }
            }
        }
        featureColumns = List.copyOf(features);
        List<String> ignored = new ArrayList<>();
        for (Type t : schema.getFields()) {
            if (!taken.contains(t.getName()) && !featureColumns.contains(t.getName())) {
                ignored.add(t.getName());
            }
        }
        ignoredColumns = List.copyOf(ignored);
        valueType = options.valueType() != null ? options.valueType() : deriveType(schema);
        String dim = rows.keyValueMetadata().get(NUM_FEATURES_KEY);
        long d = 0;
        if (dim != null) {
            try {
                d = Long.parseLong(dim);
            } catch (NumberFormatException e) {
                d = 0;
            }
        }
        declaredDimension = layout == FeatureLayout.COLUMNS ? featureColumns.size() : d;

        List<Type> requested = new ArrayList<>();
        for (Type t : schema.getFields()) {
            if (t.getName().equals(labelColumn) || t.getName().equals(weightColumn)
                    || featureColumns.contains(t.getName())) {
                requested.add(t);
            }
        }
        MessageType projection = new MessageType(schema.getName(), requested);
        materializer = new FeatureMaterializer(projection, labelColumn, weightColumn, featureColumns, layout,
                valueType, options.indexBase(), options.read().lenient(), declaredDimension);
        rows.project(projection, materializer);
    }

    /**
     * Opens a local Parquet file and reads its footer and schema.
     *
     * <p>The reader opens the file and closes it on {@code close()}.
     *
     * @param file    the local Parquet file
     * @param options column choice, layout, value type and error handling
     * @return a reader positioned before the first row
     * @throws io.mlformats.core.FormatException if the file is not Parquet or its schema does not fit the options
     * @throws IOException                       if the file cannot be read, or the Hadoop client jars are missing
     */
    public static ParquetFeatureReader open(Path file, ParquetFeatureReadOptions options) throws IOException {
        return open(ParquetRows.open(file, options.read().limits()), options);
    }

    /**
     * Opens a Parquet file through parquet-java's {@link InputFile} (an object store, HDFS, bytes in memory...);
     * positions and messages name it by its {@code toString()} (by its class and length when that is
     * {@code Object.toString()}'s hash). The streams the reader opens from it are closed
     * on {@code close()}.
     *
     * <p>The caller owns {@code file}; the reader never closes it.
     *
     * @param file    the Parquet file, owned by the caller
     * @param options column choice, layout, value type and error handling
     * @return a reader positioned before the first row
     * @throws io.mlformats.core.FormatException if the file is not Parquet or its schema does not fit the options
     * @throws IOException                       if the file cannot be read, or the Hadoop client jars are missing
     */
    public static ParquetFeatureReader open(InputFile file, ParquetFeatureReadOptions options) throws IOException {
        return open(ParquetRows.open(file, options.read().limits()), options);
    }

    private static ParquetFeatureReader open(ParquetRows rows, ParquetFeatureReadOptions options)
            throws IOException {
        try {
            return new ParquetFeatureReader(rows, options);
        } catch (IOException | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /**
     * Opens a local Parquet file with {@link ParquetFeatureReadOptions#defaults()}.
     *
     * <p>The reader opens the file and closes it on {@code close()}.
     *
     * @param file the local Parquet file
     * @return a reader positioned before the first row
     * @throws IOException as {@link #open(Path, ParquetFeatureReadOptions)}
     */
    public static ParquetFeatureReader open(Path file) throws IOException {
        return open(file, ParquetFeatureReadOptions.defaults());
    }

    /** {@inheritDoc} */
    @Override
    public boolean next() throws IOException {
        guard.enter();
        onRow = false;
        while (rows.next()) {
            String problem = materializer.problem();
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
        stats.setBytes(rows.bytesDone());
        return false;
    }

    /**
     * The current row (see the class comment); the same view as {@link #currentRow()}.
     *
     * @throws IllegalStateException before the first {@link #next()} or after it returned false
     */
    @Override
    public LabeledRow current() {
        if (!onRow) {
            throw guard.noCurrent("no current row: call next() first, and only while it returns true");
        }
        return materializer.getCurrentRecord();
    }

    /**
     * The current row as the shared labelled row (the same view as {@link #current()}).
     *
     * @throws IllegalStateException before the first {@link #next()} or after it returned false
     */
    @Override
    public LabeledRow currentRow() {
        return current();
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
     * The layout chosen (given or detected).
     *
     * @return the layout the rows are read with
     */
    public FeatureLayout layout() {
        return layout;
    }

    /**
     * Label column, or {@code null} when rows have no label.
     *
     * @return the label column's name, or {@code null}
     */
    public String labelColumn() {
        return labelColumn;
    }

    /**
     * Weight column or {@code null}.
     *
     * @return the weight column's name, or {@code null} when rows have no weight
     */
    public String weightColumn() {
        return weightColumn;
    }

    /**
     * Feature columns read: one per feature (COLUMNS), the list column (LIST), or indices and values (SPARSE).
     *
     * @return an unmodifiable list of the feature column names, in feature order
     */
    public List<String> featureColumns() {
        return featureColumns;
    }

    /**
     * Columns of the table that are not read (for example string columns).
     *
     * @return an unmodifiable list of the names of the columns left out, in schema order
     */
    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    /**
     * The type of the feature values (given, or derived from the feature columns).
     *
     * @return {@link ValueType#FLOAT32} or {@link ValueType#FLOAT64}
     */
    public ValueType valueType() {
        return valueType;
    }

    /**
     * Number of features: the column count (COLUMNS), the footer's declared dimension (SPARSE) or 0 if unknown.
     *
     * @return the number of features, or 0 when the table does not declare it
     */
    public long declaredDimension() {
        return declaredDimension;
    }

    /**
     * Rows in the file (from the footer, before any row is read).
     *
     * @return the number of rows the footer declares, skipped ones included
     */
    public long totalRows() {
        return rows.totalRows();
    }

    /**
     * Number of row groups in the file.
     *
     * @return the number of row groups the footer lists
     */
    public int rowGroups() {
        return rows.rowGroups();
    }

    /**
     * The file schema, in Parquet's text form.
     *
     * @return the schema of the whole file (not only the columns read) as text
     */
    public String schemaText() {
        return rows.fileSchema().toString();
    }

    /** Closes what the reader opened (the file, or the streams opened from the caller's {@code InputFile}). */
    @Override
    public void close() throws IOException {
        guard.close();
        onRow = false;
        rows.close();
    }

    private static String chooseLabel(MessageType schema, ParquetFeatureReadOptions o, String file)
            throws FormatException {
        String given = o.labelColumn();
        if (given != null) {
            if (given.isEmpty()) {
                return null;
            }
            requireScalar(schema, given, "label", file);
            return given;
        }
        if (schema.containsField("label") && Schemas.isScalarNumber(schema.getType("label"))) {
            return "label";
        }
        if (schema.getFieldCount() > 1 && Schemas.isScalarNumber(schema.getType(0))) {
            return schema.getType(0).getName();
        }
        return null;
    }

    private static FeatureLayout chooseLayout(MessageType schema, ParquetFeatureReadOptions o, Set<String> taken) {
        if (o.layout() != null) {
            return o.layout();
        }
        if (o.indicesColumn() != null || o.valuesColumn() != null) {
            return FeatureLayout.SPARSE;
        }
        if (schema.containsField("indices") && schema.containsField("values")
                && Schemas.isNumberList(schema.getType("indices")) && Schemas.isNumberList(schema.getType("values"))) {
            return FeatureLayout.SPARSE;
        }
        if (o.featureColumns().size() == 1 && schema.containsField(o.featureColumns().get(0))
                && Schemas.isNumberList(schema.getType(o.featureColumns().get(0)))) {
            return FeatureLayout.LIST;
        }
        int lists = 0;
        int scalars = 0;
        for (Type t : schema.getFields()) {
            if (!taken.contains(t.getName())) {
                if (Schemas.isNumberList(t)) {
                    lists++;
                } else if (Schemas.isScalarNumber(t)) {
                    scalars++;
                }
            }
        }
        return lists == 1 && scalars == 0 ? FeatureLayout.LIST : FeatureLayout.COLUMNS;
    }

    private static String onlyList(MessageType schema, Set<String> taken, String file) throws FormatException {
        for (Type t : schema.getFields()) {
            if (!taken.contains(t.getName()) && Schemas.isNumberList(t)) {
                return t.getName();
            }
        }
        throw new FormatException(SourcePosition.ofRecord(file, 0, -1), "no list<number> feature column in schema");
    }

    private static void requireScalar(MessageType schema, String col, String role, String file)
            throws FormatException {
        if (!schema.containsField(col)) {
            throw new FormatException(SourcePosition.ofRecord(file, 0, -1),
                    role + " column '" + col + "' not found; columns: " + names(schema));
        }
        Type t = schema.getType(col);
        if (!Schemas.isScalarNumber(t)) {
            throw new FormatException(SourcePosition.ofRecord(file, 0, -1),
                    role + " column '" + col + "' is " + Schemas.describe(t) + ", expected a number column");
        }
    }

    private static void requireList(MessageType schema, String col, String role, String file)
            throws FormatException {
        if (!schema.containsField(col)) {
            throw new FormatException(SourcePosition.ofRecord(file, 0, -1),
                    role + " column '" + col + "' not found; columns: " + names(schema));
        }
        Type t = schema.getType(col);
        if (!Schemas.isNumberList(t)) {
            throw new FormatException(SourcePosition.ofRecord(file, 0, -1),
                    role + " column '" + col + "' is " + Schemas.describe(t) + ", expected list<number>");
        }
    }

    private static List<String> names(MessageType schema) {
        List<String> n = new ArrayList<>();
        for (Type t : schema.getFields()) {
            n.add(t.getName());
        }
        return n;
    }

    private ValueType deriveType(MessageType schema) {
        String valuesCol = layout == FeatureLayout.SPARSE ? featureColumns.get(1) : null;
        for (String c : featureColumns) {
            if (layout == FeatureLayout.SPARSE && !c.equals(valuesCol)) {
                continue;
            }
            Type t = schema.getType(c);
            Type leaf = layout == FeatureLayout.COLUMNS ? t : Schemas.listElement(t);
            if (leaf.asPrimitiveType().getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.FLOAT) {
                return ValueType.FLOAT64;
            }
        }
        return ValueType.FLOAT32;
    }
}

package io.mlformats.cli.handler;

import io.mlformats.cli.Algorithm;
import io.mlformats.cli.Format;
import io.mlformats.cli.UserException;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.ParquetRowSink;
import io.mlformats.cli.convert.ParquetRowSource;
import io.mlformats.cli.convert.RowSource;
import io.mlformats.cli.convert.SinkFactory;
import io.mlformats.core.ReadStats;
import io.mlformats.core.SourcePosition;
import io.mlformats.core.vector.ValueType;
import io.mlformats.jsonlines.internal.JsonTextWriter;
import io.mlformats.parquet.DeepArParquetReadOptions;
import io.mlformats.parquet.DeepArParquetReader;
import io.mlformats.parquet.DeepArParquetSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Apache Parquet: a feature table (feature rows) or a DeepAR table (start + target columns), told apart by its
 * columns ({@link ParquetTables}). Stateless.
 */
final class ParquetHandler extends TabularHandler {
    private static final Pattern START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}:\\d{2})?");

    @Override
    public Format format() {
        return Format.PARQUET;
    }

    @Override
    public String recognise(Sniff head) {
        return head.rawStartsWith("PAR1") ? "PAR1 magic" : null;
    }

    @Override
    public Set<Algorithm> validatedFor() {
        return EnumSet.of(Algorithm.XGBOOST, Algorithm.DEEPAR);
    }

    @Override
    public RowSource openRows(Path file, ConvertOptions o) throws IOException {
        return ParquetRowSource.open(file, o);
    }

    @Override
    public ReadStats cat(Path file, ConvertOptions o, CatOutput out) throws IOException, UserException {
        if (!ParquetTables.isDeepAr(file)) {
            return super.cat(file, o, out);
        }
        try (DeepArParquetReader r = DeepArParquetReader.open(file, DeepArParquetReadOptions.defaults().withRead(o.readOptions()))) {
            while (r.next()) {
                series(out.json(), r.current().copy());
            }
            return r.stats();
        }
    }

    @Override
    public void inspect(Path file, ConvertOptions o, Inspection into) throws IOException, UserException {
        if (!ParquetTables.isDeepAr(file)) {
            super.inspect(file, o, into);
            return;
        }
        try (DeepArParquetReader r = DeepArParquetReader.open(file, DeepArParquetReadOptions.defaults().withRead(o.readOptions()))) {
            into.addRecords(r, "series");
        }
        into.fact("DeepAR table: start, target columns");
    }

    @Override
    public long validate(Path file, Validation v) throws IOException, UserException {
        return v.algorithm() == Algorithm.DEEPAR ? deepAr(file, v) : super.validate(file, v);
    }

    @Override
    void checkSource(RowSource src, Path file, Validation v) {
        if (v.algorithm() != Algorithm.XGBOOST) {
            return;
        }
        ParquetRowSource p = (ParquetRowSource) src;
        SourcePosition head = SourcePosition.ofRecord(file.toString(), 0, -1);
        for (String c : p.ignoredColumns()) {
            v.problem(head, "column '" + c + "' is not numeric; XGBoost reads every column after the first "
                    + "as a feature");
        }
        if (p.labelColumn() == null) {
            v.problem(head, "no label column; XGBoost takes the first column as the label");
        }
    }

    @Override
    public void checkOutput(ConvertOptions o) throws UserException {
        if (o.gzip()) {
            throw UserException.usage("--gzip does not apply to parquet output (Parquet compresses pages)");
        }
    }

    @Override
    public SinkFactory rowSinks(ConvertOptions o, ValueType inputType, long width) throws UserException {
        checkOutput(o);
        return target -> new ParquetRowSink(target, o, inputType, width);
    }

    /** A DeepAR Parquet series in its JSON Lines form. */
    private static void series(JsonTextWriter j, DeepArParquetSeries s) throws IOException {
        j.beginObject().key("start").value(s.start()).key("target").beginArray();
        for (double v : s.target()) {
            j.value(v);
        }
        j.endArray();
        if (s.cat() != null) {
            j.key("cat").beginArray();
            for (long c : s.cat()) {
                j.value(c);
            }
            j.endArray();
        }
        if (s.dynamicFeat() != null) {
            j.key("dynamic_feat").beginArray();
            for (double[] row : s.dynamicFeat()) {
                j.beginArray();
                for (double v : row) {
                    j.value(v);
                }
                j.endArray();
            }
            j.endArray();
        }
        j.endObject();
        j.endLine();
    }

    /** The DeepAR rules over a DeepAR Parquet table (the lead switches this to the library's DeepAR validator). */
    private static long deepAr(Path file, Validation v) throws IOException {
        long n = 0;
        int catCount = -1;
        int dynCount = -1;
        TreeSet<Long>[] catValues = null;
        try (DeepArParquetReader r = DeepArParquetReader.open(file, DeepArParquetReadOptions.defaults().withRead(v.read().readOptions()))) {
            while (r.next()) {
                DeepArParquetSeries s = r.current().copy();
                n++;
                SourcePosition pos = r.position();
                if (!START.matcher(s.start()).matches()) {
                    v.problem(pos, "start '" + s.start() + "' is not YYYY-MM-DD HH:MM:SS");
                }
                if (s.target().length == 0) {
                    v.problem(pos, "target is empty");
                }
                for (double x : s.target()) {
                    if (Double.isInfinite(x)) {
                        v.problem(pos, "target holds " + x + "; only numbers and NaN (missing) are allowed");
                        break;
                    }
                }
                int c = s.cat() == null ? 0 : s.cat().length;
                if (catCount < 0) {
                    catCount = c;
                    @SuppressWarnings("unchecked")
                    TreeSet<Long>[] sets = new TreeSet[c];
                    catValues = sets;
                    for (int i = 0; i < c; i++) {
                        catValues[i] = new TreeSet<>();
                    }
                } else if (c != catCount) {
                    v.problem(pos, "series has " + c + " cat value(s), the first had " + catCount);
                }
                if (s.cat() != null && c == catCount) {
                    for (int i = 0; i < c; i++) {
                        if (s.cat()[i] < 0) {
                            v.problem(pos, "cat[" + i + "] is negative: " + s.cat()[i]);
                        } else {
                            catValues[i].add(s.cat()[i]);
                        }
                    }
                }
                int d = s.dynamicFeat() == null ? 0 : s.dynamicFeat().length;
                if (dynCount < 0) {
                    dynCount = d;
                } else if (d != dynCount) {
                    v.problem(pos, "series has " + d + " dynamic_feat row(s), the first had " + dynCount);
                }
                if (s.dynamicFeat() != null) {
                    for (double[] row : s.dynamicFeat()) {
                        if (row.length != s.target().length) {
                            v.problem(pos, "dynamic_feat row has " + row.length + " values, target has "
                                    + s.target().length);
                            break;
                        }
                    }
                }
            }
            v.readerErrors(r.stats());
        }
        if (catValues != null) {
            for (int i = 0; i < catValues.length; i++) {
                TreeSet<Long> seen = catValues[i];
                if (!seen.isEmpty() && seen.size() != seen.last() + 1) {
                    v.problem(SourcePosition.ofRecord(file.toString(), 0, -1), "cat[" + i + "] does not cover 0.."
                            + seen.last() + " (DeepAR needs every category in the training set)");
                }
            }
        }
        return n;
    }
}

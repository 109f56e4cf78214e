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
import io.mlformats.cli.convert.DocumentConversions;
import io.mlformats.core.FormatException;
import io.mlformats.deepar.DeepArValidator;
import io.mlformats.parquet.DeepArParquetReader;
import io.mlformats.parquet.DeepArParquetSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Apache Parquet: a feature table (feature rows) or a DeepAR table (start + target columns), told apart by its
 * columns ({@link ParquetTables}). Stateless.
 */
final class ParquetHandler extends TabularHandler {

    @Override
    public Format format() {
        return Format.PARQUET;
    }

    @Override
    public String recognise(Sniff head) {
        return head.rawStartsWith("PAR1") ? "PAR1 magic" : null;
    }

    @Override
    public boolean needsSeekableFile() {
        return true;
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

    /** A DeepAR Parquet table through the channel's DeepAR validator (the rules of the JSON Lines module). */
    private static long deepAr(Path file, Validation v) throws IOException {
        DeepArValidator rules = DeepArHandler.channel(v);
        try (DeepArParquetReader r = DeepArParquetReader.open(file, DeepArParquetReadOptions.defaults()
                .withRead(v.read().readOptions()))) {
            while (r.next()) {
                SourcePosition pos = r.position();
                try {
                    rules.check(DocumentConversions.toSeries(r.current().copy(), pos), pos);
                } catch (FormatException e) {
                    v.problem(e);
                }
            }
            v.readerErrors(r.stats());
        }
        return 0; // counted when the channel is finished
    }
}

package io.mlformats.cli.handler;

import io.mlformats.cli.UserException;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.RowSource;
import io.mlformats.core.ReadStats;
import io.mlformats.core.validate.TabularValidator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What the feature-row formats share: {@code cat} prints rows ({@link RowJson}), {@code inspect} collects row
 * statistics, {@code validate} applies the library's {@link TabularValidator} to the rows, all over the
 * format's {@link #openRows row source}. Stateless.
 */
abstract class TabularHandler implements FormatHandler {

    @Override
    public final boolean tabular() {
        return true;
    }

    @Override
    public abstract RowSource openRows(Path file, ConvertOptions o) throws IOException, UserException;

    @Override
    public ReadStats cat(Path file, ConvertOptions o, CatOutput out) throws IOException, UserException {
        try (RowSource src = openRows(file, o)) {
            while (src.next()) {
                RowJson.write(out.json(), src.current(), src.valueType());
            }
            return src.stats();
        }
    }

    @Override
    public void inspect(Path file, ConvertOptions o, Inspection into) throws IOException, UserException {
        try (RowSource src = openRows(file, o)) {
            into.addRows(src);
        }
    }

    @Override
    public long validate(Path file, Validation v) throws IOException, UserException {
        try (RowSource src = openRows(file, v.read())) {
            checkSource(src, file, v);
            TabularValidator rows = new TabularValidator(v.algorithm().tabular(), v.tabularOptions());
            while (src.next()) {
                rows.check(src.current(), src.position());
            }
            v.readerErrors(src.stats());
            return v.rowReport(rows.finish());
        }
    }

    /** File-level checks a format adds before its rows are validated (Parquet: columns XGBoost would misread). */
    void checkSource(RowSource src, Path file, Validation v) {
    }
}

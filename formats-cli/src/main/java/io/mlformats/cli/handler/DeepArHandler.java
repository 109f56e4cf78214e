package io.mlformats.cli.handler;

import io.mlformats.cli.Algorithm;
import io.mlformats.cli.Format;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.DocumentConversions;
import io.mlformats.core.ReadMode;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.deepar.DeepArValidator;
import io.mlformats.deepar.DeepArValidatorOptions;
import io.mlformats.deepar.DeepArWriteOptions;
import io.mlformats.deepar.DeepArWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * DeepAR JSON Lines: a first JSON line with {@code start} and {@code target}. Validation spans every file of the
 * channel (category coverage is a dataset rule); converts to and from a DeepAR Parquet table. Stateless.
 */
final class DeepArHandler extends RecordHandler {

    @Override
    public Format format() {
        return Format.DEEPAR;
    }

    @Override
    public String recognise(Sniff head) {
        String line = head.jsonLine();
        return line != null && line.contains("\"start\"") && line.contains("\"target\"")
                ? "JSON with start and target keys" : null;
    }

    @Override
    public String noun() {
        return "series";
    }

    @Override
    RecordReader<?> openRecords(Path file, ConvertOptions o) throws IOException {
        return DeepArReader.open(file, DeepArReadOptions.training().withRead(o.readOptions()));
    }

    @Override
    public ReadStats cat(Path file, ConvertOptions o, CatOutput out) throws IOException {
        DeepArReader r = DeepArReader.open(file, DeepArReadOptions.training().withRead(o.readOptions())
                .withKeepExtraFields(true));
        return copy(r, DeepArWriter.open(out.raw(), DeepArWriteOptions.defaults()),
                DeepArWriter::write);
    }

    @Override
    public Set<Algorithm> validatedFor() {
        return EnumSet.of(Algorithm.DEEPAR);
    }

    @Override
    public long validate(Path file, Validation v) throws IOException {
        channel(v).add(file);
        return 0; // counted when the channel is finished
    }

    /** The channel's one DeepAR validator: JSON Lines files and DeepAR Parquet tables feed the same dataset rules. */
    static DeepArValidator channel(Validation v) {
        return v.dataset(DeepArHandler.class, () -> new Channel(v)).validator;
    }

    /** The library's DeepAR validator over every file of the channel. */
    private static final class Channel implements Validation.DatasetCheck {
        final DeepArValidator validator;

        Channel(Validation v) {
            DeepArValidatorOptions dv = DeepArValidatorOptions.training(v.predictionLength())
                    .withMode(v.read().lenient() ? ReadMode.LENIENT : ReadMode.STRICT);
            validator = new DeepArValidator(v.timeFreq() == null ? dv : dv.withTimeFreq(v.timeFreq()));
        }

        @Override
        public long finish(Validation v) {
            return v.report(validator.finish());
        }
    }

    @Override
    public List<DocumentConversion> documentConversions() {
        return List.of(new DocumentConversion(Format.DEEPAR, Format.PARQUET, DocumentConversions::deepArToParquet),
                new DocumentConversion(Format.PARQUET, Format.DEEPAR, DocumentConversions::parquetToDeepAr));
    }
}

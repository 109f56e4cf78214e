package io.mlformats.cli;

import io.mlformats.blazingtext.BlazingTextLineView;
import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.Conversions;
import io.mlformats.cli.convert.RowSource;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.deepar.DeepArWriteOptions;
import io.mlformats.deepar.DeepArWriter;
import io.mlformats.jsonlines.JsonTextWriter;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.AugmentedManifestWriter;
import io.mlformats.manifest.ManifestReadOptions;
import io.mlformats.manifest.ManifestWriteOptions;
import io.mlformats.object2vec.Object2VecHyperparameters;
import io.mlformats.object2vec.Object2VecReadOptions;
import io.mlformats.object2vec.Object2VecReader;
import io.mlformats.object2vec.Object2VecWriteOptions;
import io.mlformats.object2vec.Object2VecWriter;
import io.mlformats.parquet.DeepArParquetReader;
import io.mlformats.parquet.DeepArParquetSeries;
import io.mlformats.recordio.RecordIoReadOptions;
import io.mlformats.recordio.image.ImageRecordReader;
import io.mlformats.recordio.protobuf.RecordProtobufReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mlformats cat}: every record as one canonical JSON object per line. */
@Command(name = "cat", sortOptions = false,
        description = {"Print every record of INPUT as one JSON object per line (canonical form, see README).",
                "Errors go to stderr as file:line:offset: message, with a non-zero exit code."},
        footer = {"", "Examples:", "  mlformats cat train.libsvm | head -3", "  mlformats cat train.pbr | jq .label"})
final class CatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReadFlags read;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Input file.")
    Path input;

    @Override
    public Integer call() throws Exception {
        Format f = Inputs.format(Inputs.expand(java.util.List.of(input)).get(0), read.from);
        OutputStream out = new WriterStream(spec.commandLine().getOut());
        JsonTextWriter j = new JsonTextWriter(out);
        ConvertOptions o = ConvertOptions.reading(read.lenient, read.skipErrors, read.multiLabel);
        ReadStats stats;
        try {
        switch (f) {
            case PARQUET -> {
                if (ParquetTables.isDeepAr(input)) {
                    try (DeepArParquetReader r = DeepArParquetReader.open(input, o.readOptions())) {
                        while (r.next()) {
                            series(j, r.current());
                        }
                        stats = r.stats();
                    }
                } else {
                    stats = rows(j, f, o);
                }
            }
            case LIBSVM, CSV -> stats = rows(j, f, o);
            case RECORDIO_PROTOBUF -> {
                try (RecordProtobufReader r = RecordProtobufReader.open(input,
                        RecordIoReadOptions.defaults().withRead(o.readOptions()))) {
                    while (r.next()) {
                        RecordJson.write(j, r.current());
                    }
                    stats = r.stats();
                }
            }
            case IMAGE_RECORD -> {
                try (ImageRecordReader r = ImageRecordReader.open(input,
                        RecordIoReadOptions.defaults().withRead(o.readOptions()))) {
                    while (r.next()) {
                        RecordJson.write(j, r.current());
                    }
                    stats = r.stats();
                }
            }
            case DEEPAR -> {
                j.flush();
                try (DeepArReader r = DeepArReader.open(input, DeepArReadOptions.training()
                        .withRead(o.readOptions()).withKeepExtraFields(true));
                     DeepArWriter w = DeepArWriter.open(out, DeepArWriteOptions.defaults())) {
                    while (r.next()) {
                        w.write(r.current());
                    }
                    w.commit();
                    stats = r.stats();
                }
            }
            case OBJECT2VEC -> {
                j.flush();
                try (Object2VecReader r = Object2VecReader.open(input, Object2VecReadOptions
                        .inference(Object2VecHyperparameters.unchecked()).withRead(o.readOptions()));
                     Object2VecWriter w = Object2VecWriter.open(out, Object2VecWriteOptions.defaults())) {
                    while (r.next()) {
                        w.write(r.current());
                    }
                    w.commit();
                    stats = r.stats();
                }
            }
            case MANIFEST -> {
                j.flush();
                try (AugmentedManifestReader r = AugmentedManifestReader.open(input,
                        ManifestReadOptions.any().withRead(o.readOptions()));
                     AugmentedManifestWriter w = AugmentedManifestWriter.open(out, ManifestWriteOptions.defaults())) {
                    while (r.next()) {
                        w.write(r.current());
                    }
                    w.commit();
                    stats = r.stats();
                }
            }
            case BLAZINGTEXT -> {
                try (BlazingTextReader r = BlazingTextReader.open(input,
                        BlazingTextReadOptions.supervised().withRead(o.readOptions()))) {
                    while (r.next()) {
                        text(j, r.current());
                    }
                    stats = r.stats();
                }
            }
            default -> throw new IllegalStateException(f.toString());
        }
        } finally {
            j.flush(); // what was read before an error is printed
        }
        for (FormatException e : stats.errors()) {
            spec.commandLine().getErr().println(e.getMessage());
        }
        return stats.skipped() > 0 ? ExitCode.INVALID_DATA : ExitCode.OK;
    }

    private ReadStats rows(JsonTextWriter j, Format f, ConvertOptions o) throws IOException, UserException {
        try (RowSource src = Conversions.openRows(f, input, o)) {
            while (src.next()) {
                RowJson.write(j, src.current(), src.valueType());
            }
            return src.stats();
        }
    }

    /** A BlazingText line: {@code {"labels": ["__label__a"], "words": ["w1", ...]}}. */
    private static void text(JsonTextWriter j, BlazingTextLineView line) throws IOException {
        j.beginObject().key("labels").beginArray();
        for (int i = 0; i < line.labelCount(); i++) {
            j.value(line.label(i));
        }
        j.endArray().key("words").beginArray();
        for (int i = 0; i < line.wordCount(); i++) {
            j.value(line.word(i));
        }
        j.endArray().endObject();
        j.endLine();
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
}

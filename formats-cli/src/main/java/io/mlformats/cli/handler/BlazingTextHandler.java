package io.mlformats.cli.handler;

import io.mlformats.blazingtext.BlazingTextLineView;
import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.blazingtext.BlazingTextValidator;
import io.mlformats.cli.Algorithm;
import io.mlformats.cli.Format;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.DocumentConversions;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.jsonlines.internal.JsonTextWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * BlazingText supervised text: a {@code __label__} token before any LibSVM token. Converts to and from its
 * augmented-manifest form. Stateless.
 */
final class BlazingTextHandler extends RecordHandler {

    @Override
    public Format format() {
        return Format.BLAZINGTEXT;
    }

    @Override
    public String recognise(Sniff head) {
        String t = head.token();
        return t != null && t.startsWith("__label__") ? "__label__ token" : null;
    }

    @Override
    public String noun() {
        return "lines";
    }

    @Override
    RecordReader<?> openRecords(Path file, ConvertOptions o) throws IOException {
        return open(file, o);
    }

    private static BlazingTextReader open(Path file, ConvertOptions o) throws IOException {
        return BlazingTextReader.open(file, BlazingTextReadOptions.supervised().withRead(o.readOptions()));
    }

    @Override
    public ReadStats cat(Path file, ConvertOptions o, CatOutput out) throws IOException {
        try (BlazingTextReader r = open(file, o)) {
            while (r.next()) {
                text(out.json(), r.current());
            }
            return r.stats();
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

    @Override
    public Set<Algorithm> validatedFor() {
        return EnumSet.of(Algorithm.BLAZINGTEXT);
    }

    @Override
    public long validate(Path file, Validation v) throws IOException {
        try (BlazingTextReader r = open(file, v.read())) {
            BlazingTextValidator rules = new BlazingTextValidator(BlazingTextReadOptions.supervised(),
                    Validation.MAX_PRINTED);
            while (r.next()) {
                rules.check(r.current(), r.position());
            }
            v.readerErrors(r.stats());
            return v.rowReport(rules.finish());
        }
    }

    @Override
    public List<DocumentConversion> documentConversions() {
        return List.of(
                new DocumentConversion(Format.BLAZINGTEXT, Format.MANIFEST, DocumentConversions::textToManifest),
                new DocumentConversion(Format.MANIFEST, Format.BLAZINGTEXT, DocumentConversions::manifestToText));
    }
}

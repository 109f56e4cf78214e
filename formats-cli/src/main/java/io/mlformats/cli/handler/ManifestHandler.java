package io.mlformats.cli.handler;

import io.mlformats.blazingtext.BlazingTextManifest;
import io.mlformats.cli.Algorithm;
import io.mlformats.cli.Format;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.AugmentedManifestWriter;
import io.mlformats.manifest.ManifestWriteOptions;
import io.mlformats.manifest.ManifestReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Augmented manifest JSON Lines: any JSON line that is not DeepAR or Object2Vec (asked after them). Validated as
 * the manifest form of a BlazingText or an image-classification channel. Stateless.
 */
final class ManifestHandler extends RecordHandler {

    @Override
    public Format format() {
        return Format.MANIFEST;
    }

    @Override
    public String recognise(Sniff head) {
        String line = head.jsonLine();
        if (line == null) {
            return null;
        }
        return line.contains("\"source\"") || line.contains("\"source-ref\"") ? "JSON with a source key"
                : "JSON Lines (generic)";
    }

    @Override
    RecordReader<?> openRecords(Path file, ConvertOptions o) throws IOException {
        return open(file, o);
    }

    private static AugmentedManifestReader open(Path file, ConvertOptions o) throws IOException {
        return AugmentedManifestReader.open(file, ManifestReadOptions.any().withRead(o.readOptions()));
    }

    @Override
    public ReadStats cat(Path file, ConvertOptions o, CatOutput out) throws IOException {
        return copy(open(file, o), AugmentedManifestWriter.open(out.raw(), ManifestWriteOptions.defaults()),
                AugmentedManifestWriter::write);
    }

    @Override
    public Set<Algorithm> validatedFor() {
        return EnumSet.of(Algorithm.BLAZINGTEXT, Algorithm.IMAGE_CLASSIFICATION);
    }

    @Override
    public long validate(Path file, Validation v) throws IOException {
        long n = 0;
        boolean text = v.algorithm() == Algorithm.BLAZINGTEXT;
        ManifestReadOptions mo = (text ? ManifestReadOptions.attributes(BlazingTextManifest.SOURCE,
                BlazingTextManifest.LABEL) : ManifestReadOptions.attributes("source-ref"))
                .withRead(v.read().readOptions());
        try (AugmentedManifestReader r = AugmentedManifestReader.open(file, mo)) {
            while (r.next()) {
                n++;
                if (text) {
                    try {
                        BlazingTextManifest.toLine(r.current(), "__label__", r.position());
                    } catch (FormatException e) {
                        v.problem(e);
                    }
                } else if (r.current().attributeCount() < 2) {
                    v.problem(r.position(), "line has only source-ref; image classification needs a label attribute");
                }
            }
            v.readerErrors(r.stats());
        }
        return n;
    }
}

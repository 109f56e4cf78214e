package io.mlformats.cli.handler;

import io.mlformats.cli.Algorithm;
import io.mlformats.cli.Format;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.core.RecordReader;
import io.mlformats.core.ReadStats;
import io.mlformats.recordio.image.ImageRecordReadOptions;
import io.mlformats.recordio.image.ImageRecord;
import io.mlformats.recordio.image.ImageClassificationValidator;
import io.mlformats.recordio.image.ImageClassificationValidatorOptions;
import io.mlformats.recordio.image.ImageEncoding;
import io.mlformats.recordio.image.ImageRecordReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * MXNet image RecordIO: the RecordIO magic, then a first payload that is an image header followed by JPEG or
 * PNG bytes (asked before RecordIO-protobuf, which shares the magic). Stateless.
 */
final class ImageRecordHandler extends RecordHandler {

    @Override
    public Format format() {
        return Format.IMAGE_RECORD;
    }

    @Override
    public String recognise(Sniff head) {
        if (head.length() < 8 || head.intLE(0) != RecordIoProtobufHandler.RECORDIO_MAGIC) {
            return null;
        }
        int len = head.intLE(4) & ((1 << 29) - 1);
        int p = 8;
        if (head.length() >= p + 24 && len >= 24) {
            long flag = head.intLE(p) & 0xffffffffL;
            long img = p + 24 + 4 * flag;
            if (flag < 4096 && img + 4 <= head.length() && img + 4 <= p + len) {
                int i = (int) img;
                ImageEncoding kind = ImageEncoding.of(4, head.byteAt(i), head.byteAt(i + 1), head.byteAt(i + 2),
                        head.byteAt(i + 3));
                if (kind != null) {
                    return "RecordIO magic, image header + " + kind;
                }
            }
        }
        return null;
    }


    @Override
    public String noun() {
        return "images";
    }

    @Override
    RecordReader<?> openRecords(Path file, ConvertOptions o) throws IOException {
        return open(file, o);
    }

    private static ImageRecordReader open(Path file, ConvertOptions o) throws IOException {
        return ImageRecordReader.open(file, ImageRecordReadOptions.defaults().withRead(o.readOptions()));
    }

    @Override
    public ReadStats cat(Path file, ConvertOptions o, CatOutput out) throws IOException {
        try (ImageRecordReader r = open(file, o)) {
            while (r.next()) {
                RecordJson.write(out.json(), r.current());
            }
            return r.stats();
        }
    }

    @Override
    public Set<Algorithm> validatedFor() {
        return EnumSet.of(Algorithm.IMAGE_CLASSIFICATION);
    }

    @Override
    public long validate(Path file, Validation v) throws IOException {
        ImageClassificationValidator rules = new ImageClassificationValidator(
                ImageClassificationValidatorOptions.defaults().withNumClasses(v.numClasses()));
        try (ImageRecordReader r = open(file, v.read())) {
            while (r.next()) {
                rules.check(r.current(), r.position());
            }
            v.readerErrors(r.stats());
        }
        return v.rowReport(rules.finish());
    }
}

package io.mlformats.cli;

import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.core.RecordReader;
import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.ManifestReadOptions;
import io.mlformats.object2vec.Object2VecHyperparameters;
import io.mlformats.object2vec.Object2VecReadOptions;
import io.mlformats.object2vec.Object2VecReader;
import io.mlformats.recordio.image.ImageRecordReadOptions;
import io.mlformats.recordio.image.ImageRecordReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Readers of the formats that are not feature rows (JSON Lines families, BlazingText text, MXNet image records),
 * opened with the command's reading flags, for {@code inspect} and {@code validate}. Stateless.
 */
final class Documents {
    private Documents() {
    }

    static RecordReader<?> open(Format f, Path file, ConvertOptions o) throws IOException {
        return switch (f) {
            case DEEPAR -> DeepArReader.open(file, DeepArReadOptions.training().withRead(o.readOptions()));
            case OBJECT2VEC -> Object2VecReader.open(file, Object2VecReadOptions
                    .inference(Object2VecHyperparameters.unchecked()).withRead(o.readOptions()));
            case MANIFEST -> AugmentedManifestReader.open(file, ManifestReadOptions.any().withRead(o.readOptions()));
            case BLAZINGTEXT -> BlazingTextReader.open(file,
                    BlazingTextReadOptions.supervised().withRead(o.readOptions()));
            case IMAGE_RECORD -> ImageRecordReader.open(file, ImageRecordReadOptions.defaults()
                    .withRead(o.readOptions()));
            default -> throw new IllegalArgumentException(f + " holds feature rows");
        };
    }

    /** What one record of {@code f} is called in summaries. */
    static String noun(Format f) {
        return switch (f) {
            case DEEPAR -> "series";
            case OBJECT2VEC -> "pairs";
            case BLAZINGTEXT -> "lines";
            case IMAGE_RECORD -> "images";
            default -> "records";
        };
    }
}

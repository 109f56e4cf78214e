package io.mlformats.cli.handler;

import io.mlformats.cli.Algorithm;
import io.mlformats.cli.Format;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.object2vec.Object2VecHyperparameters;
import io.mlformats.object2vec.Object2VecReadOptions;
import io.mlformats.object2vec.Object2VecReader;
import io.mlformats.object2vec.Object2VecValidator;
import io.mlformats.object2vec.Object2VecWriter;
import io.mlformats.object2vec.Object2VecWriteOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/** Object2Vec JSON Lines: a first JSON line with {@code in0} and {@code in1}. Stateless. */
final class Object2VecHandler extends RecordHandler {

    @Override
    public Format format() {
        return Format.OBJECT2VEC;
    }

    @Override
    public String recognise(Sniff head) {
        String line = head.jsonLine();
        return line != null && line.contains("\"in0\"") && line.contains("\"in1\"") ? "JSON with in0 and in1 keys"
                : null;
    }

    @Override
    public String noun() {
        return "pairs";
    }

    @Override
    RecordReader<?> openRecords(Path file, ConvertOptions o) throws IOException {
        return open(file, o);
    }

    private static Object2VecReader open(Path file, ConvertOptions o) throws IOException {
        return Object2VecReader.open(file, Object2VecReadOptions.inference(Object2VecHyperparameters.unchecked())
                .withRead(o.readOptions()));
    }

    @Override
    public ReadStats cat(Path file, ConvertOptions o, CatOutput out) throws IOException {
        return copy(open(file, o), Object2VecWriter.open(out.raw(), Object2VecWriteOptions.defaults()),
                Object2VecWriter::write);
    }

    @Override
    public Set<Algorithm> validatedFor() {
        return EnumSet.of(Algorithm.OBJECT2VEC);
    }

    @Override
    public long validate(Path file, Validation v) throws IOException {
        Object2VecValidator validator = new Object2VecValidator(Object2VecReadOptions.training(
                new Object2VecHyperparameters(0, 0, 0, 0, v.numClasses())).withRead(v.read().readOptions()), 10_000);
        validator.add(file);
        return v.report(validator.report());
    }
}

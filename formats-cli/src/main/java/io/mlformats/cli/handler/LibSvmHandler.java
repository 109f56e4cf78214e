package io.mlformats.cli.handler;

import io.mlformats.cli.Algorithm;
import io.mlformats.cli.Format;
import io.mlformats.cli.UserException;
import io.mlformats.cli.convert.ConvertOptions;
import io.mlformats.cli.convert.IndexBase;
import io.mlformats.cli.convert.LibSvmRowSource;
import io.mlformats.cli.convert.RowSource;
import io.mlformats.cli.convert.SinkFactory;
import io.mlformats.cli.convert.TextRowSink;
import io.mlformats.core.vector.ValueType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** LibSVM / SVMlight text. Stateless. */
final class LibSvmHandler extends TabularHandler {

    @Override
    public Format format() {
        return Format.LIBSVM;
    }

    @Override
    public String recognise(Sniff head) {
        String t = head.token();
        return t != null && !t.startsWith("__label__") ? "idx:val token '" + t + "'" : null;
    }

    @Override
    public Set<Algorithm> validatedFor() {
        return EnumSet.of(Algorithm.XGBOOST);
    }

    @Override
    public RowSource openRows(Path file, ConvertOptions o) throws IOException {
        return LibSvmRowSource.open(file, o);
    }

    /**
     * An AUTO index base, and the width when {@code --num-features} is absent and the output needs it (every
     * output but sparse LibSVM), take one extra parsing pass over the input, which {@code --num-features N} with a
     * fixed base avoids.
     */
    @Override
    public ConvertOptions resolve(Format to, List<Path> files, ConvertOptions o) throws IOException, UserException {
        boolean needsWidth = to != Format.LIBSVM || Boolean.TRUE.equals(o.dense());
        if (o.indexBase() != IndexBase.AUTO && (o.numFeatures() > 0 || !needsWidth)) {
            return o;
        }
        for (Path f : files) {
            if (!java.nio.file.Files.isRegularFile(f)) {
                // The extra pass would drain a pipe and leave nothing to convert (issue 16, item 2).
                throw UserException.usage(f + " is a pipe or device and can be read only once; converting LibSVM to "
                        + to.cliName() + " reads it twice unless --index-base zero|one and --num-features N are given");
            }
        }
        return LibSvmRowSource.scan(files, o);
    }

    @Override
    public SinkFactory rowSinks(ConvertOptions o, ValueType inputType, long width) throws UserException {
        if (Boolean.TRUE.equals(o.dense())) {
            throw UserException.usage("libsvm output is sparse; --dense does not apply");
        }
        ValueType t = o.dtype() != null ? o.dtype() : inputType;
        return target -> TextRowSink.libsvm(target, o, t);
    }
}

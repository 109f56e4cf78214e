package io.mlformats.cli.convert;

import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.libsvm.LibSvmReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rows of a LibSVM / SVMlight file ({@link LibSvmReader}): sparse features, label(s), weight and qid as read.
 * Values are parsed straight into the output value type ({@code --dtype}, float32 by default), so a float64
 * conversion is not rounded through float32. When the width is known (declared or found by
 * {@link #scan}), every row's {@link SparseVector#dimension()} is set to it. Not thread-safe.
 */
public final class LibSvmRowSource extends ReaderRowSource<LibSvmReader> {
    private final ValueType type;
    private final long width;

    private LibSvmRowSource(LibSvmReader reader, ValueType type, long width, long size) {
        super(reader, size);
        this.type = type;
        this.width = width;
    }

    /** Opens {@code file}; an AUTO index base is decided by the reader's own first pass. */
    public static LibSvmRowSource open(Path file, ConvertOptions o) throws IOException {
        ValueType t = o.dtype() != null ? o.dtype() : ValueType.FLOAT32;
        long width = o.numFeatures() > 0 ? o.numFeatures() : -1;
        LibSvmReadOptions lo = options(o).withValueType(t).withNumFeatures(width);
        return new LibSvmRowSource(LibSvmReader.open(file, lo), t, Math.max(width, 0), Files.size(file));
    }

    static LibSvmReadOptions options(ConvertOptions o) {
        return LibSvmReadOptions.defaults().withIndexBase(map(o.indexBase())).withMultiLabel(o.multiLabel())
                .withRead(o.readOptions());
    }

    static io.mlformats.libsvm.IndexBase map(IndexBase b) {
        return switch (b) {
            case ZERO -> io.mlformats.libsvm.IndexBase.ZERO;
            case ONE -> io.mlformats.libsvm.IndexBase.ONE;
            case AUTO -> io.mlformats.libsvm.IndexBase.AUTO;
        };
    }

    /**
     * One pass over every file (bad lines skipped here; the reading pass reports them) deciding what streaming
     * cannot know up front: the index base for AUTO (scikit-learn's rule over the whole input: one-based when
     * there are features and no index 0) and, when not declared, the width (largest column + 1), so that dense
     * and RecordIO-protobuf output gets the input's true dimension.
     */
    public static ConvertOptions scan(List<Path> files, ConvertOptions o) throws IOException {
        if (o.indexBase() != IndexBase.AUTO && o.numFeatures() > 0) {
            return o;
        }
        LibSvmReadOptions lo = options(o).withIndexBase(io.mlformats.libsvm.IndexBase.ZERO)
                .withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT);
        long min = Long.MAX_VALUE;
        long max = -1;
        for (Path f : files) {
            try (LibSvmReader r = LibSvmReader.open(f, lo)) {
                while (r.next()) {
                    SparseVector v = r.current().features();
                    for (int i = 0; i < v.nnz(); i++) {
                        min = Math.min(min, v.index(i));
                    }
                }
                max = Math.max(max, r.numFeatures() - 1);
            }
        }
        IndexBase base = o.indexBase();
        if (base == IndexBase.AUTO) {
            base = min != Long.MAX_VALUE && min > 0 ? IndexBase.ONE : IndexBase.ZERO;
        }
        long width = o.numFeatures() > 0 ? o.numFeatures() : Math.max(0, max + 1 - (base == IndexBase.ONE ? 1 : 0));
        return o.withShape(base, width);
    }

    @Override
    public ValueType valueType() {
        return type;
    }

    @Override
    public long declaredWidth() {
        return width;
    }

    @Override
    public List<String> describe() {
        return List.of("index base: " + reader.indexBase().name().toLowerCase(java.util.Locale.ROOT)
                + " (output indices are 0-based)");
    }
}

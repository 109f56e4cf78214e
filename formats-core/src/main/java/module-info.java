/**
 * mlformats core: byte sources and seekable inputs, the reader/writer contracts, limits, errors with positions,
 * the number codec, vector views and the labelled feature row, atomic file output, and the algorithm validation
 * API. Depends on the JDK only. {@code io.mlformats.core.internal} is not API: it is exported only to the
 * mlformats format modules.
 */
module io.mlformats.core {
    exports io.mlformats.core;
    exports io.mlformats.core.text;
    exports io.mlformats.core.validate;
    exports io.mlformats.core.vector;
    exports io.mlformats.core.internal to
            io.mlformats.libsvm, io.mlformats.recordio, io.mlformats.jsonlines, io.mlformats.parquet,
            io.mlformats.cli;
}

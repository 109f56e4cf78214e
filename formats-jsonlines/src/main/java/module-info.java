/**
 * DeepAR, Object2Vec, BlazingText and augmented-manifest JSON Lines, on Jackson 3's streaming core. The
 * {@code internal} packages are not API.
 */
module io.mlformats.jsonlines {
    requires transitive io.mlformats.core;
    requires tools.jackson.core;

    exports io.mlformats.blazingtext;
    exports io.mlformats.deepar;
    exports io.mlformats.jsonlines;
    exports io.mlformats.manifest;
    exports io.mlformats.object2vec;
}

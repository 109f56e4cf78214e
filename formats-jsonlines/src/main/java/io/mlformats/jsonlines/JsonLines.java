package io.mlformats.jsonlines;

/**
 * Constants shared by the JSON Lines formats of SageMaker's built-in algorithms (DeepAR, Object2Vec,
 * BlazingText, augmented manifests). The readers and writers live in the format packages
 * ({@code io.mlformats.deepar}, {@code io.mlformats.object2vec}, {@code io.mlformats.blazingtext},
 * {@code io.mlformats.manifest}); they all frame records the same way: one JSON object per line, {@code \n} or
 * {@code \r\n}, a BOM skipped with a warning, blank lines an error in strict mode and skipped in lenient mode,
 * gzip detected by content. Writers write {@code \n} only, never a BOM, the last line terminated.
 */
public final class JsonLines {
    /** Content type of JSON Lines channels and batch transform (SplitType=Line). */
    public static final String CONTENT_TYPE = "application/jsonlines";
    /** Content type of real-time inference requests and responses. */
    public static final String JSON_CONTENT_TYPE = "application/json";

    private JsonLines() {
    }
}

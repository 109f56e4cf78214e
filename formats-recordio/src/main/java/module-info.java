/**
 * RecordIO framing (dmlc), SageMaker RecordIO-protobuf and MXNet image records. The generated protobuf-java
 * classes ({@code io.mlformats.recordio.protobuf.generated}) are exported for interop;
 * {@code io.mlformats.recordio.internal} is not API.
 */
module io.mlformats.recordio {
    requires transitive io.mlformats.core;
    requires transitive com.google.protobuf;

    exports io.mlformats.recordio;
    exports io.mlformats.recordio.image;
    exports io.mlformats.recordio.protobuf;
    exports io.mlformats.recordio.protobuf.generated;
}

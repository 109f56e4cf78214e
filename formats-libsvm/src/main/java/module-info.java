/**
 * LibSVM/SVMlight and SageMaker CSV readers and writers. {@code io.mlformats.libsvm.internal} is not API.
 */
module io.mlformats.libsvm {
    requires transitive io.mlformats.core;

    exports io.mlformats.libsvm;
    exports io.mlformats.libsvm.csv;
}

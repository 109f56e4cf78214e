package io.mlformats.recordio.protobuf;

/** How {@link RecordProtobufWriter#writeRow} lays out a row's features. */
public enum RowLayout {
    /** Dense rows as dense tensors, sparse rows as sparse tensors (the default). */
    AS_ROW,
    /** Every row as a dense tensor; absent sparse entries become 0 (the SDK's matrix semantics). */
    DENSE,
    /** Every row as a sparse tensor; zeros of dense rows are left out (as {@code scipy.sparse.csr_matrix} does). */
    SPARSE
}

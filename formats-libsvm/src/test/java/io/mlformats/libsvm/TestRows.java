package io.mlformats.libsvm;

import io.mlformats.core.ByteSources;
import io.mlformats.core.RecordReader;
import io.mlformats.core.vector.CsrMatrix;
import java.io.IOException;

/** Collects what a streaming reader returns into a matrix, the way the loader does, for comparisons. */
final class TestRows {
    private TestRows() {
    }

    /** A reader over bytes held in memory (gzip detected by content), as the old {@code of(byte[])} was. */
    static LibSvmReader reader(byte[] data, LibSvmReadOptions o) throws IOException {
        return LibSvmReader.open(ByteSources.input(ByteSources.of(data), o.read().limits()), o);
    }

    static CsrMatrix collect(RecordReader<LibSvmRow> r, LibSvmReadOptions o) throws IOException {
        CsrMatrix.Builder b = CsrMatrix.builder(o.valueType());
        long maxCol = 0;
        while (r.next()) {
            LibSvmRow row = r.current();
            if (o.multiLabel()) {
                b.addMultiLabelRow(row.features(), row.labelArray(), row.labelCount(), row.weight(), row.hasWeight(),
                        row.qid(), row.hasQid());
            } else {
                b.addRow(row.features(), row.label(), row.weight(), row.hasWeight(), row.qid(), row.hasQid());
            }
            if (row.nnz() > 0) {
                maxCol = Math.max(maxCol, row.features().index(row.nnz() - 1) + 1L);
            }
        }
        b.numCols(o.hasNumFeatures() ? o.numFeatures() : maxCol);
        return b.build();
    }
}

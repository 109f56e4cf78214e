package io.mlformats.parquet.internal;

import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.core.vector.LabeledRow;
import io.mlformats.parquet.FeatureLayout;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Assembles Parquet rows into one reused {@link LabeledRow}: label, weight, and features per the layout (sparse
 * rows: absent entries are missing values). Values go straight from the column readers into reused arrays; no
 * allocation per row once the arrays have grown to the widest row. A problem in a row is recorded in
 * {@link #problem()} (checked by the reader after each row) instead of thrown. Not thread-safe.
 */
public final class FeatureMaterializer extends RecordMaterializer<LabeledRow> {
    private final LabeledRow row = new LabeledRow();
    private final SparseVector sparse;
    private final DenseVector dense;
    private final FeatureLayout layout;
    private final int width;
    private final int indexBase;
    private final boolean lenient;
    private final long dimension;
    private final boolean wantsLabel;
    private final Root root;

    private String problem;
    private boolean labelSeen;
    private float[] f32;
    private double[] f64;
    // SPARSE: indices and values arrive column by column; paired up in end().
    private long[] idx = new long[16];
    private int idxLen;
    private double[] val = new double[16];
    private int valLen;

    /** A materializer of the columns of {@code projection} with the reader's resolved choices. */
    public FeatureMaterializer(MessageType projection, String labelColumn, String weightColumn,
                               List<String> featureColumns, FeatureLayout layout, ValueType valueType,
                               int indexBase, boolean lenient, long dimension) {
        this.sparse = SparseVector.of(valueType, 16);
        this.dense = DenseVector.of(valueType, 16);
        this.layout = layout;
        this.width = layout == FeatureLayout.COLUMNS ? featureColumns.size() : 0;
        this.indexBase = indexBase;
        this.lenient = lenient;
        this.dimension = dimension;
        this.wantsLabel = labelColumn != null;
        Converter[] children = new Converter[projection.getFieldCount()];
        for (int i = 0; i < children.length; i++) {
            Type t = projection.getType(i);
            String name = t.getName();
            if (name.equals(labelColumn)) {
                children[i] = Converters.number(v -> {
                    row.addLabel(v);
                    labelSeen = true;
                });
            } else if (name.equals(weightColumn)) {
                children[i] = Converters.number(row::setWeight);
            } else if (layout == FeatureLayout.COLUMNS) {
                int slot = featureColumns.indexOf(name);
                children[i] = Converters.number(v -> setSlot(slot, v));
            } else if (layout == FeatureLayout.LIST) {
                children[i] = Converters.list(t, new Converters.ListTarget() {
                    @Override
                    public void begin() {
                        dense.append(Double.NaN);
                    }

                    @Override
                    public void set(double v) {
                        setLast(v);
                    }
                });
            } else if (name.equals(featureColumns.get(0))) {
                children[i] = Converters.list(t, new Converters.ListTarget() {
                    @Override
                    public void begin() {
                        if (idxLen == idx.length) {
                            idx = Arrays.copyOf(idx, idxLen * 2);
                        }
                        idx[idxLen++] = Long.MIN_VALUE;
                    }

                    @Override
                    public void set(double v) {
                        idx[idxLen - 1] = (long) v;
                    }
                });
            } else {
                children[i] = Converters.list(t, new Converters.ListTarget() {
                    @Override
                    public void begin() {
                        if (valLen == val.length) {
                            val = Arrays.copyOf(val, valLen * 2);
                        }
                        val[valLen++] = Double.NaN;
                    }

                    @Override
                    public void set(double v) {
                        val[valLen - 1] = v;
                    }
                });
            }
        }
        this.root = new Root(children);
    }

    /** The problem found in the last row, or {@code null}. */
    public String problem() {
        return problem;
    }

    @Override
    public LabeledRow getCurrentRecord() {
        return row;
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }

    private void setSlot(int slot, double v) {
        if (f32 != null) {
            f32[slot] = (float) v;
        } else {
            f64[slot] = v;
        }
    }

    private void setLast(double v) {
        int last = dense.size() - 1;
        if (dense.floatValues() != null) {
            dense.floatValues()[last] = (float) v;
        } else {
            dense.doubleValues()[last] = v;
        }
    }

    private void startRow() {
        problem = null;
        labelSeen = false;
        row.clear();
        if (layout == FeatureLayout.SPARSE) {
            sparse.clear();
            row.setFeatures(sparse);
            idxLen = 0;
            valLen = 0;
            return;
        }
        dense.clear();
        row.setFeatures(dense);
        if (layout == FeatureLayout.COLUMNS) {
            for (int i = 0; i < width; i++) {
                dense.append(Double.NaN);
            }
            f32 = dense.floatValues();
            f64 = dense.doubleValues();
        }
    }

    private void endRow() {
        if (wantsLabel && !labelSeen) {
            if (!lenient) {
                problem = "label is null";
                return;
            }
        }
        if (layout == FeatureLayout.SPARSE) {
            pairUp();
        }
    }

    private void pairUp() {
        if (idxLen != valLen) {
            problem = "sparse row has " + idxLen + " indices but " + valLen + " values";
            return;
        }
        SparseVector v = sparse;
        for (int i = 0; i < idxLen; i++) {
            long raw = idx[i];
            if (raw == Long.MIN_VALUE) {
                problem = "null index at position " + i + " of the sparse row";
                return;
            }
            long k = raw - indexBase;
            if (k < 0 || k > Integer.MAX_VALUE) {
                problem = "index " + raw + " out of range (index base " + indexBase + ", expected 0.."
                        + ((long) Integer.MAX_VALUE + indexBase) + ")";
                return;
            }
            if (dimension > 0 && k >= dimension) {
                problem = "index " + raw + " >= declared number of features " + dimension;
                return;
            }
            v.append((int) k, val[i]);
        }
        v.setDimension(dimension);
        if (!v.isStrictlyAscending()) {
            if (!lenient) {
                problem = "sparse indices are not strictly ascending (strict mode; lenient mode sorts them)";
                return;
            }
            v.sortByIndex();
            if (!v.isStrictlyAscending()) {
                problem = "duplicate sparse index";
            }
        }
    }

    private final class Root extends GroupConverter {
        private final Converter[] children;

        Root(Converter[] children) {
            this.children = children;
        }

        @Override
        public Converter getConverter(int i) {
            return children[i];
        }

        @Override
        public void start() {
            startRow();
        }

        @Override
        public void end() {
            endRow();
        }
    }
}

package io.mlformats.cli.handler;

import io.mlformats.core.vector.LabeledRow;
import io.mlformats.core.vector.DenseVector;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.core.vector.ValueType;
import io.mlformats.jsonlines.internal.JsonTextWriter;
import java.io.IOException;

/**
 * The canonical {@code cat} form of a feature row:
 * {@code {"label": 1, "weight": 2, "qid": 3, "features": {"indices": [..], "values": [..]}}}; a dense row has
 * {@code "features": {"values": [..]}}; several labels print as a list; absent label, weight and qid are left
 * out. float32 values print as the shortest float32 text, float64 as the shortest float64 text.
 */
final class RowJson {
    private RowJson() {
    }

    static void write(JsonTextWriter j, LabeledRow r, ValueType type) throws IOException {
        j.beginObject();
        if (r.labelCount() == 1 && !r.isMultiLabel()) {
            j.key("label").value(r.label(0));
        } else if (r.isMultiLabel()) {
            j.key("label").beginArray();
            for (int i = 0; i < r.labelCount(); i++) {
                j.value(r.label(i));
            }
            j.endArray();
        }
        if (r.hasWeight()) {
            j.key("weight").value(r.weight());
        }
        if (r.hasQid()) {
            j.key("qid").value(r.qid());
        }
        j.key("features").beginObject();
        boolean f32 = type == ValueType.FLOAT32;
        if (r.isSparse()) {
            SparseVector s = r.sparse();
            j.key("indices").beginArray();
            for (int i = 0; i < s.nnz(); i++) {
                j.value((long) s.index(i));
            }
            j.endArray();
            j.key("values").beginArray();
            for (int i = 0; i < s.nnz(); i++) {
                if (f32) {
                    j.value(s.floatValue(i));
                } else {
                    j.value(s.value(i));
                }
            }
            j.endArray();
        } else {
            DenseVector d = r.dense();
            j.key("values").beginArray();
            for (int i = 0; i < d.size(); i++) {
                if (f32) {
                    j.value(d.floatValue(i));
                } else {
                    j.value(d.value(i));
                }
            }
            j.endArray();
        }
        j.endObject();
        j.endObject();
        j.endLine();
    }
}

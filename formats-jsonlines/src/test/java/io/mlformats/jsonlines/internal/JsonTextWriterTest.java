package io.mlformats.jsonlines.internal;

import io.mlformats.jsonlines.internal.JsonTextWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTextWriterTest {
    @Test
    void structuredLayerManagesSeparatorsAndNonFiniteNumbers() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonTextWriter j = new JsonTextWriter(bytes);
        j.beginObject().key("a").value(1L).key("b").beginArray().value(0.1f).value(0.1).value(Float.NaN)
                .value(Double.POSITIVE_INFINITY).value(Double.NEGATIVE_INFINITY).endArray()
                .key("c").beginObject().endObject().key("d").value((String) null).key("e").value(true)
                .key("f").rawValue("{\"x\": [1]}").key("g\u00e9\"").value("\u20ac\n").endObject();
        j.endLine();
        j.beginArray().beginArray().value(1L).endArray().beginArray().endArray().endArray();
        j.endLine();
        j.flush();
        assertEquals("{\"a\": 1, \"b\": [0.1, 0.1, \"NaN\", \"Infinity\", \"-Infinity\"], \"c\": {}, \"d\": null, "
                + "\"e\": true, \"f\": {\"x\": [1]}, \"g\u00e9\\\"\": \"\u20ac\\n\"}\n[[1], []]\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rollbackDropsTheRecordAndResetsNesting() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonTextWriter j = new JsonTextWriter(bytes);
        j.beginRecord();
        j.beginObject().key("a").beginArray().value(1L);
        j.rollback();
        j.beginRecord();
        j.beginObject().key("b").value(2L).endObject();
        j.endLine();
        j.flush();
        assertEquals("{\"b\": 2}\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void deepNestingGrows() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonTextWriter j = new JsonTextWriter(bytes);
        for (int i = 0; i < 40; i++) {
            j.beginArray().value((long) i);
        }
        for (int i = 0; i < 40; i++) {
            j.endArray();
        }
        j.endLine();
        j.flush();
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("[0, [1, [2, ", s.substring(0, 12));
        assertEquals(40, s.chars().filter(c -> c == ']').count());
    }
}

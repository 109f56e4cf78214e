package io.mlformats.blazingtext;

import io.mlformats.core.ByteInput;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadOptions;
import io.mlformats.jsonlines.internal.JsonTextWriter;
import io.mlformats.jsonlines.internal.JsonValues;
import io.mlformats.jsonlines.internal.LineRecordLoop;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * BlazingText inference documents: the {@code application/json} request
 * {@code {"instances": ["text", ...], "configuration": {"k": 2}}} (word2vec: {@code {"instances": ["word"]}}),
 * the response (a top-level array of {@code {"prob": [...], "label": [...]}}), and the batch-transform JSON
 * Lines forms ({@code {"source": "...", "k": 2}} in, {@code {"label": [...], "prob": [...]}} out; key order is
 * not guaranteed and not relied on). Stateless and thread-safe.
 */
public final class BlazingTextInference {
    private BlazingTextInference() {
    }

    /**
     * Writes a real-time inference request ({@code {"instances": [...], "configuration": {"k": n}}}) to {@code out}
     * (left open).
     *
     * @param request the sentences or words to send, with the optional {@code k}
     * @param out the stream the JSON is written to; not closed
     * @throws IOException if writing to {@code out} fails
     */
    public static void writeRequest(BlazingTextRequest request, OutputStream out) throws IOException {
        JsonTextWriter json = new JsonTextWriter(out);
        json.raw("{\"instances\": ");
        json.stringArray(request.instances());
        if (request.k() != null) {
            json.raw(", \"configuration\": {\"k\": ").number((long) request.k()).raw('}');
        }
        json.raw('}');
        json.flush();
    }

    /**
     * Reads a real-time inference request; {@code name} is used in error positions.
     *
     * @param bytes the request body as UTF-8 JSON bytes; not retained
     * @param name the source name used in error positions, e.g. a file name
     * @return the request's instances and {@code k} ({@code null} when not sent)
     * @throws FormatException if the JSON is malformed, {@code instances} is missing or {@code k} is not a positive
     *     integer
     */
    public static BlazingTextRequest readRequest(byte[] bytes, String name) throws FormatException {
        JsonValues v = values(bytes, name);
        List<String> instances = null;
        Integer k = null;
        try (JsonParser p = v.open()) {
            v.expect(p, v.next(p), JsonToken.START_OBJECT, "the request");
            JsonToken t;
            for (String field; (field = v.nextField(p)) != null; ) {
                t = p.currentToken();
                if (field.equals("instances")) {
                    instances = v.strings(p, t, "\"instances\"");
                } else if (field.equals("configuration")) {
                    v.expect(p, t, JsonToken.START_OBJECT, "\"configuration\"");
                    for (String c; (c = v.nextField(p)) != null; ) {
                        if (c.equals("k")) {
                            k = k(p, v);
                        } else {
                            v.skip(p);
                        }
                    }
                } else {
                    v.skip(p);
                }
            }
            v.parsers().expectEnd(p, v.site());
        }
        if (instances == null) {
            throw new FormatException(v.site().at(0), "the request has no \"instances\" array");
        }
        return new BlazingTextRequest(instances, k);
    }

    private static Integer k(JsonParser p, JsonValues v) throws FormatException {
        long k = v.integer(p, "\"k\"");
        if (k < 1 || k > Integer.MAX_VALUE) {
            throw v.error(p, "k = " + k + " must be a positive integer");
        }
        return (int) k;
    }

    /**
     * Reads the {@code application/json} response: a top-level array of predictions.
     *
     * @param bytes the response body as UTF-8 JSON bytes; not retained
     * @param name the source name used in error positions
     * @return the predictions in response order, one per request instance
     * @throws FormatException if the JSON is malformed or a prediction lacks its labels or probabilities
     */
    public static List<BlazingTextPrediction> readResponse(byte[] bytes, String name) throws FormatException {
        JsonValues v = values(bytes, name);
        try (JsonParser p = v.open()) {
            List<BlazingTextPrediction> out = v.records(p, v.next(p), "the response (a top-level array)",
                    BlazingTextInference::prediction);
            v.parsers().expectEnd(p, v.site());
            return out;
        }
    }

    /**
     * Writes a real-time inference response (one prediction object per instance) to {@code out} (left open).
     *
     * @param predictions the predictions to write, one per instance, in order
     * @param out the stream the JSON array is written to; not closed
     * @throws IOException if writing to {@code out} fails
     */
    public static void writeResponse(List<BlazingTextPrediction> predictions, OutputStream out) throws IOException {
        JsonTextWriter json = new JsonTextWriter(out);
        json.raw('[');
        for (int i = 0; i < predictions.size(); i++) {
            json.raw(i > 0 ? ", " : "");
            prediction(json, predictions.get(i));
        }
        json.raw(']');
        json.flush();
    }

    /**
     * Reads batch-transform output lines.
     *
     * @param input the batch-transform output, one JSON prediction per line
     * @param options the read mode, error policy and limits
     * @return the predictions in line order (lines skipped under a collecting error policy are left out)
     * @throws IOException if reading {@code input} fails, or a {@link FormatException} for a malformed line under a
     *     fail-fast policy
     */
    public static List<BlazingTextPrediction> readBatchOutput(ByteInput input, ReadOptions options)
            throws IOException {
        return LineRecordLoop.readAll(input, options, BlazingTextInference::prediction);
    }

    /**
     * Writes batch-transform output lines.
     *
     * @param predictions the predictions to write, one line each, in order
     * @param out the stream the lines are written to; not closed
     * @throws IOException if writing to {@code out} fails
     */
    public static void writeBatchOutput(List<BlazingTextPrediction> predictions, OutputStream out)
            throws IOException {
        JsonTextWriter json = new JsonTextWriter(out);
        for (BlazingTextPrediction p : predictions) {
            prediction(json, p);
            json.raw('\n');
        }
        json.flush();
    }

    /**
     * Reads batch-transform input lines {@code {"source": "...", "k": n}} (k optional).
     *
     * @param input the batch-transform input, one JSON object per line
     * @param options the read mode, error policy and limits
     * @return one single-instance request per line, in line order
     * @throws IOException if reading {@code input} fails, or a {@link FormatException} for a malformed line or one
     *     without {@code source} under a fail-fast policy
     */
    public static List<BlazingTextRequest> readBatchInput(ByteInput input, ReadOptions options) throws IOException {
        return LineRecordLoop.readAll(input, options, (p, t, v) -> {
            v.expect(p, t, JsonToken.START_OBJECT, "a batch input line");
            String source = null;
            Integer k = null;
            for (String field; (field = v.nextField(p)) != null; ) {
                if (field.equals("source")) {
                    source = v.string(p, p.currentToken(), "\"source\"");
                } else if (field.equals("k")) {
                    k = k(p, v);
                } else {
                    v.skip(p);
                }
            }
            if (source == null) {
                throw new FormatException(v.site().at(0), "ATTRIBUTE_MISSING: the line has no \"source\"");
            }
            return new BlazingTextRequest(List.of(source), k);
        });
    }

    /**
     * Writes one batch-transform input line per request instance (each with the request's k).
     *
     * @param request the instances to write, one line each, all with the request's {@code k}
     * @param out the stream the lines are written to; not closed
     * @throws IOException if writing to {@code out} fails
     */
    public static void writeBatchInput(BlazingTextRequest request, OutputStream out) throws IOException {
        JsonTextWriter json = new JsonTextWriter(out);
        for (String s : request.instances()) {
            json.raw("{\"source\": ").string(s);
            if (request.k() != null) {
                json.raw(", \"k\": ").number((long) request.k());
            }
            json.raw("}\n");
        }
        json.flush();
    }

    private static BlazingTextPrediction prediction(JsonParser p, JsonToken t, JsonValues v)
            throws FormatException {
        v.expect(p, t, JsonToken.START_OBJECT, "a prediction");
        List<String> labels = null;
        double[] probs = null;
        for (String field; (field = v.nextField(p)) != null; ) {
            t = p.currentToken();
            switch (field) {
                case "label" -> labels = v.strings(p, t, "\"label\"");
                case "prob" -> probs = v.doubles(p, t, "\"prob\"");
                default -> v.skip(p);
            }
        }
        if (labels == null || probs == null || labels.size() != probs.length) {
            throw v.error(p, "a prediction needs \"label\" and \"prob\" arrays of the same length");
        }
        return new BlazingTextPrediction(labels, probs);
    }

    private static void prediction(JsonTextWriter json, BlazingTextPrediction p) {
        json.raw("{\"prob\": ").doubleArray(p.probabilities());
        json.raw(", \"label\": ").stringArray(p.labels()).raw('}');
    }

    private static JsonValues values(byte[] bytes, String name) {
        return JsonValues.document(bytes, name);
    }
}

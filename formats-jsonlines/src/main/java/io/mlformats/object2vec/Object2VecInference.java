package io.mlformats.object2vec;

import io.mlformats.core.ByteInput;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadOptions;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.jsonlines.internal.JsonTextWriter;
import io.mlformats.jsonlines.internal.JsonParsers;
import io.mlformats.jsonlines.internal.JsonSite;
import io.mlformats.jsonlines.internal.JsonValues;
import io.mlformats.jsonlines.internal.LineRecordLoop;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Object2Vec inference documents. Requests: {@code application/json} {@code {"instances": [{"in0": [...],
 * "in1": [...]}]}} or {@code application/jsonlines} (one instance per line: use {@link Object2VecWriter} /
 * {@link Object2VecReader} with {@link Object2VecReadOptions#inference}); sending one input per instance asks
 * for encoder embeddings. Responses: {@code {"predictions": [{"scores": [...]}]}} or
 * {@code {"predictions": [{"embeddings": [...]}]}}, and their JSON Lines forms ({@code {"scores": [...]}} per
 * line). Stateless and thread-safe.
 */
public final class Object2VecInference {
    private Object2VecInference() {
    }

    /**
     * The content type of an embedding request with explicit inference sequence lengths (each 1..5000).
     *
     * @param base the base content type, e.g. {@code application/json}
     * @param forwardLength the forward inference sequence length, 1 to 5000 tokens
     * @param backwardLength the backward inference sequence length, 1 to 5000 tokens
     * @return {@code base} followed by an {@code infer_max_seqlens} parameter with both lengths
     */
    public static String embeddingContentType(String base, int forwardLength, int backwardLength) {
        if (forwardLength < 1 || forwardLength > 5000 || backwardLength < 1 || backwardLength > 5000) {
            throw new IllegalArgumentException("infer_max_seqlens must be in 1..5000");
        }
        return base + "; infer_max_seqlens=" + forwardLength + "," + backwardLength;
    }

    /**
     * Writes {@code {"instances": [...]}} (labels of the pairs are not sent).
     *
     * @param instances the pairs to send, in order; their labels are ignored
     * @param out the stream the JSON is written to; not closed
     * @throws IOException if writing to {@code out} fails
     */
    public static void writeRequest(List<Object2VecPair> instances, OutputStream out) throws IOException {
        JsonTextWriter json = new JsonTextWriter(out);
        json.raw("{\"instances\": [");
        for (int i = 0; i < instances.size(); i++) {
            if (i > 0) {
                json.raw(", ");
            }
            Object2VecPair p = instances.get(i);
            Object2VecWriter.writeObject(json, Object2VecPair.unlabelled(p.in0(), p.in1()));
        }
        json.raw("]}");
        json.flush();
    }

    /**
     * Reads {@code {"instances": [...]}}; each instance is checked like a line under {@code options}.
     *
     * @param json the request body as UTF-8 JSON bytes; not retained
     * @param name the source name used in error messages, e.g. a file name
     * @param options how each instance is checked (required inputs, hyperparameters, mode)
     * @return the instances in request order
     * @throws FormatException if the JSON is malformed, {@code instances} is missing or an instance breaks a rule
     */
    public static List<Object2VecPair> readRequest(byte[] json, String name, Object2VecReadOptions options)
            throws FormatException {
        JsonParsers parsers = new JsonParsers(options.read().limits());
        JsonSite site = JsonSite.document(name);
        JsonValues values = new JsonValues(parsers, json, 0, site);
        Object2VecDecoder decoder = new Object2VecDecoder(options, parsers, new ReadCounter(0));
        List<Object2VecPair> out = null;
        try (JsonParser p = values.open()) {
            values.expect(p, values.next(p), JsonToken.START_OBJECT, "the request");
            for (String field; (field = values.nextField(p)) != null; ) {
                if (field.equals("instances")) {
                    out = values.records(p, p.currentToken(), "\"instances\"", (q, t, v) -> {
                        v.expect(q, t, JsonToken.START_OBJECT, "an instance");
                        return decoder.decodePair(q, v);
                    });
                } else {
                    values.skip(p);
                }
            }
            parsers.expectEnd(p, site);
        }
        if (out == null) {
            throw new FormatException(site.at(0), "the request has no \"instances\" array");
        }
        return out;
    }

    /**
     * Reads an {@code application/json} response.
     *
     * @param json the response body as UTF-8 JSON bytes; not retained
     * @param name the source name used in error messages
     * @return the predictions in response order, one per request instance
     * @throws FormatException if the JSON is malformed, has no {@code predictions} array or a prediction is malformed
     */
    public static List<Object2VecPrediction> readResponse(byte[] json, String name) throws FormatException {
        JsonValues values = JsonValues.document(json, name);
        List<Object2VecPrediction> out = null;
        try (JsonParser p = values.open()) {
            values.expect(p, values.next(p), JsonToken.START_OBJECT, "the response");
            for (String field; (field = values.nextField(p)) != null; ) {
                if (field.equals("predictions")) {
                    out = values.records(p, p.currentToken(), "\"predictions\"", Object2VecInference::prediction);
                } else {
                    values.skip(p);
                }
            }
            values.parsers().expectEnd(p, values.site());
        }
        if (out == null) {
            throw new FormatException(values.site().at(0), "the response has no \"predictions\" array");
        }
        return out;
    }

    /**
     * Reads an {@code application/jsonlines} response: one prediction object per line.
     *
     * @param input the response body, one JSON prediction object per line
     * @param options the read mode, error policy and limits
     * @return the predictions in line order (lines skipped under a collecting error policy are left out)
     * @throws IOException if reading {@code input} fails, or a {@link FormatException} for a malformed line under a
     *     fail-fast policy
     */
    public static List<Object2VecPrediction> readResponseLines(ByteInput input, ReadOptions options)
            throws IOException {
        return LineRecordLoop.readAll(input, options, Object2VecInference::prediction);
    }

    private static Object2VecPrediction prediction(JsonParser p, JsonToken t, JsonValues values)
            throws FormatException {
        values.expect(p, t, JsonToken.START_OBJECT, "a prediction");
        double[] scores = null;
        double[] embeddings = null;
        for (String field; (field = values.nextField(p)) != null; ) {
            t = p.currentToken();
            switch (field) {
                case "scores" -> scores = values.doubles(p, t, "\"scores\"");
                case "embeddings" -> embeddings = values.doubles(p, t, "\"embeddings\"");
                default -> values.skip(p);
            }
        }
        return new Object2VecPrediction(scores, embeddings);
    }

    /**
     * Writes an {@code application/json} response.
     *
     * @param predictions the predictions to write, in order
     * @param out the stream the JSON document is written to; not closed
     * @throws IOException if writing to {@code out} fails
     */
    public static void writeResponse(List<Object2VecPrediction> predictions, OutputStream out) throws IOException {
        JsonTextWriter json = new JsonTextWriter(out);
        json.raw("{\"predictions\": [");
        for (int i = 0; i < predictions.size(); i++) {
            if (i > 0) {
                json.raw(", ");
            }
            prediction(json, predictions.get(i));
        }
        json.raw("]}");
        json.flush();
    }

    /**
     * Writes an {@code application/jsonlines} response.
     *
     * @param predictions the predictions to write, one line each, in order
     * @param out the stream the lines are written to; not closed
     * @throws IOException if writing to {@code out} fails
     */
    public static void writeResponseLines(List<Object2VecPrediction> predictions, OutputStream out)
            throws IOException {
        JsonTextWriter json = new JsonTextWriter(out);
        for (Object2VecPrediction p : predictions) {
            prediction(json, p);
            json.raw('\n');
        }
        json.flush();
    }

    private static void prediction(JsonTextWriter json, Object2VecPrediction p) {
        json.raw('{');
        if (p.scores() != null) {
            json.name("scores");
            json.finiteDoubleArray(p.scores(), "values");
        }
        if (p.embeddings() != null) {
            json.raw(p.scores() != null ? ", " : "").name("embeddings");
            json.finiteDoubleArray(p.embeddings(), "values");
        }
        json.raw('}');
    }
}

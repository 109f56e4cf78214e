package io.mlformats.deepar;

import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.jsonlines.internal.JsonTextWriter;
import io.mlformats.jsonlines.internal.JsonParsers;
import io.mlformats.jsonlines.internal.JsonSite;
import io.mlformats.jsonlines.internal.JsonValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * DeepAR inference documents: the endpoint request {@code {"instances": [...], "configuration": {...}}}, the
 * response {@code {"predictions": [{"mean": [...], "quantiles": {"0.5": [...]}, "samples": [[...]]}]}}, and the
 * {@code configuration} JSON for {@code DEEPAR_INFERENCE_CONFIG}. Batch transform uses the JSON Lines forms:
 * input lines are read with {@link DeepArReader} ({@link DeepArReadOptions#inference(int)}) and written with
 * {@link DeepArWriter}; output lines with {@link DeepArForecastReader} / {@link #writeForecastLine}.
 *
 * <p>Documents are parsed from memory (requests are limited to a few MB by the service). Stateless and
 * thread-safe.
 */
public final class DeepArInference {
    private DeepArInference() {
    }

    /**
     * The request as UTF-8 JSON bytes (one line, no trailing newline).
     *
     * @param request the request to encode
     * @return a new array holding the request's JSON text in UTF-8
     * @throws IOException if JSON generation fails
     */
    public static byte[] requestBytes(DeepArInferenceRequest request) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeRequest(request, bytes);
        return bytes.toByteArray();
    }

    /**
     * Writes the request to {@code out} (left open).
     *
     * @param request the request to encode
     * @param out the stream the JSON is written to; not closed
     * @throws IOException if writing to {@code out} fails
     */
    public static void writeRequest(DeepArInferenceRequest request, OutputStream out) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try (DeepArWriter w = DeepArWriter.open(lines, DeepArWriteOptions.defaults())) {
            for (DeepArSeries s : request.instances()) {
                w.write(s);
            }
            w.commit();
        }
        JsonTextWriter json = new JsonTextWriter(out);
        json.raw("{\"instances\": [");
        byte[] b = lines.toByteArray();
        int start = 0;
        boolean first = true;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                if (!first) {
                    json.raw(", ");
                }
                first = false;
                json.raw(b, start, i - start);
                start = i + 1;
            }
        }
        json.raw(']');
        if (request.configuration() != null) {
            json.raw(", \"configuration\": ");
            configuration(json, request.configuration());
        }
        json.raw('}');
        json.flush();
    }

    /**
     * The configuration as JSON text, e.g. for the {@code DEEPAR_INFERENCE_CONFIG} environment variable.
     *
     * @param c the configuration to encode; {@code null} parts are omitted
     * @return the configuration as one JSON object on one line
     * @throws IOException if JSON generation fails
     */
    public static String configurationJson(DeepArConfiguration c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonTextWriter json = new JsonTextWriter(bytes);
        configuration(json, c);
        json.flush();
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void configuration(JsonTextWriter json, DeepArConfiguration c) {
        json.raw('{');
        String sep = "";
        if (c.numSamples() != null) {
            json.name("num_samples").number((long) c.numSamples());
            sep = ", ";
        }
        if (c.outputTypes() != null) {
            json.raw(sep).name("output_types");
            json.stringArray(c.outputTypes());
            sep = ", ";
        }
        if (c.quantiles() != null) {
            json.raw(sep).name("quantiles");
            json.stringArray(c.quantiles());
        }
        json.raw('}');
    }

    /**
     * Reads a request; every instance is checked like a DeepAR line under {@code options} (use
     * {@link DeepArReadOptions#inference(int)} to check dynamic_feat lengths against prediction_length).
     * Errors name the instance index as the record.
     *
     * @param json the request body as UTF-8 JSON bytes; not retained
     * @param name the source name used in error messages, e.g. a file name
     * @param options how each instance is checked (mode, dynamic_feat length rule, prediction length)
     * @return the decoded request, with its configuration or {@code null} when absent
     * @throws FormatException if the JSON is malformed, {@code instances} is missing, or an instance breaks a DeepAR
     *     rule
     */
    public static DeepArInferenceRequest readRequest(byte[] json, String name, DeepArReadOptions options)
            throws FormatException {
        JsonParsers parsers = new JsonParsers(options.read().limits());
        JsonSite site = JsonSite.document(name);
        JsonValues values = new JsonValues(parsers, json, 0, site);
        DeepArDecoder decoder = new DeepArDecoder(options, parsers, new ReadCounter(0));
        DeepArSeriesView view = new DeepArSeriesView();
        List<DeepArSeries> instances = null;
        DeepArConfiguration config = null;
        try (JsonParser p = values.open()) {
            values.expect(p, values.next(p), JsonToken.START_OBJECT, "the request");
            for (String field; (field = values.nextField(p)) != null; ) {
                if (field.equals("instances")) {
                    instances = values.records(p, p.currentToken(), "\"instances\"", (q, t, v) -> {
                        v.expect(q, t, JsonToken.START_OBJECT, "an instance");
                        view.clear();
                        long objectStart = q.currentTokenLocation().getByteOffset();
                        decoder.decodeObject(q, json, 0, v.site(), view);
                        decoder.check(view, new JsonSite(name, objectStart, -1, v.site().recordIndex()));
                        return view.copy();
                    });
                } else if (field.equals("configuration")) {
                    config = readConfiguration(p, p.currentToken(), values);
                } else {
                    values.skip(p);
                }
            }
            parsers.expectEnd(p, site);
        }
        if (instances == null) {
            throw new FormatException(site.at(0), "the request has no \"instances\" array, expected"
                    + " {\"instances\": [...], \"configuration\": {...}}");
        }
        return new DeepArInferenceRequest(instances, config);
    }

    /**
     * Reads a {@code configuration} JSON object (request field or {@code DEEPAR_INFERENCE_CONFIG}).
     *
     * @param json the configuration object as UTF-8 JSON bytes; not retained
     * @param name the source name used in error messages
     * @return the decoded configuration, with {@code null} for parts not present
     * @throws FormatException if the JSON is malformed or a field has the wrong type or value
     */
    public static DeepArConfiguration readConfiguration(byte[] json, String name) throws FormatException {
        JsonValues values = JsonValues.document(json, name);
        try (JsonParser p = values.open()) {
            DeepArConfiguration c = readConfiguration(p, values.next(p), values);
            values.parsers().expectEnd(p, values.site());
            return c;
        }
    }

    private static DeepArConfiguration readConfiguration(JsonParser p, JsonToken t, JsonValues values)
            throws FormatException {
        values.expect(p, t, JsonToken.START_OBJECT, "\"configuration\"");
        Integer numSamples = null;
        List<String> outputTypes = null;
        List<String> quantiles = null;
        for (String field; (field = values.nextField(p)) != null; ) {
            t = p.currentToken();
            switch (field) {
                case "num_samples" -> {
                    long n = values.integer(p, "\"num_samples\"");
                    if (n <= 0 || n > Integer.MAX_VALUE) {
                        throw values.error(p, "num_samples " + n + " must be a positive integer");
                    }
                    numSamples = (int) n;
                }
                case "output_types" -> outputTypes = values.strings(p, t, "\"output_types\"");
                case "quantiles" -> quantiles = values.strings(p, t, "\"quantiles\" (quantiles are strings,"
                        + " e.g. \"0.5\")");
                default -> values.skip(p);
            }
        }
        try {
            return new DeepArConfiguration(numSamples, outputTypes, quantiles);
        } catch (IllegalArgumentException e) {
            throw values.error(p, e.getMessage());
        }
    }

    /**
     * Reads an endpoint response: one forecast per request instance.
     *
     * @param json the response body as UTF-8 JSON bytes; not retained
     * @param name the source name used in error messages
     * @return the forecasts in {@code predictions} order, one per request instance
     * @throws FormatException if the JSON is malformed, {@code predictions} is missing or a forecast is malformed
     */
    public static List<DeepArForecast> readResponse(byte[] json, String name) throws FormatException {
        JsonValues values = JsonValues.document(json, name);
        List<DeepArForecast> out = null;
        try (JsonParser p = values.open()) {
            values.expect(p, values.next(p), JsonToken.START_OBJECT, "the response");
            for (String field; (field = values.nextField(p)) != null; ) {
                if (field.equals("predictions")) {
                    out = values.records(p, p.currentToken(), "\"predictions\"", DeepArInference::readForecast);
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

    static DeepArForecast readForecast(JsonParser p, JsonToken t, JsonValues values) throws FormatException {
        values.expect(p, t, JsonToken.START_OBJECT, "a prediction");
        double[] mean = null;
        double[][] samples = null;
        Map<String, double[]> quantiles = new LinkedHashMap<>();
        for (String field; (field = values.nextField(p)) != null; ) {
            t = p.currentToken();
            switch (field) {
                case "mean" -> mean = values.doubles(p, t, "\"mean\"");
                case "samples" -> samples = values.doubleRows(p, t, "\"samples\"");
                case "quantiles" -> {
                    values.expect(p, t, JsonToken.START_OBJECT, "\"quantiles\"");
                    while ((t = values.next(p)) != JsonToken.END_OBJECT) {
                        String q = p.currentName();
                        quantiles.put(q, values.doubles(p, values.next(p), "quantile " + q));
                    }
                }
                default -> values.skip(p);
            }
        }
        return new DeepArForecast(mean, quantiles, samples);
    }

    /**
     * Writes a response document (what an endpoint returns; useful for tests and mocks).
     *
     * @param forecasts the forecasts to write as {@code predictions}, in order
     * @param out the stream the JSON document is written to; not closed
     * @throws IOException if writing to {@code out} fails
     */
    public static void writeResponse(List<DeepArForecast> forecasts, OutputStream out) throws IOException {
        JsonTextWriter json = new JsonTextWriter(out);
        json.raw("{\"predictions\": [");
        for (int i = 0; i < forecasts.size(); i++) {
            if (i > 0) {
                json.raw(", ");
            }
            forecast(json, forecasts.get(i));
        }
        json.raw("]}");
        json.flush();
    }

    /**
     * Writes one batch-transform output line ({@code \n}-terminated).
     *
     * @param f the forecast to write as one JSON object
     * @param out the stream the line is written to; not closed
     * @throws IOException if writing to {@code out} fails
     */
    public static void writeForecastLine(DeepArForecast f, OutputStream out) throws IOException {
        JsonTextWriter json = new JsonTextWriter(out);
        forecast(json, f);
        json.raw('\n');
        json.flush();
    }

    private static void forecast(JsonTextWriter json, DeepArForecast f) {
        json.raw('{');
        String sep = "";
        if (f.quantiles() != null && !f.quantiles().isEmpty()) {
            json.name("quantiles").raw('{');
            String qs = "";
            for (Map.Entry<String, double[]> e : f.quantiles().entrySet()) {
                json.raw(qs).name(e.getKey());
                json.finiteDoubleArray(e.getValue(), "forecast values");
                qs = ", ";
            }
            json.raw('}');
            sep = ", ";
        }
        if (f.samples() != null) {
            json.raw(sep).name("samples").raw('[');
            for (int i = 0; i < f.samples().length; i++) {
                if (i > 0) {
                    json.raw(", ");
                }
                json.finiteDoubleArray(f.samples()[i], "forecast values");
            }
            json.raw(']');
            sep = ", ";
        }
        if (f.mean() != null) {
            json.raw(sep).name("mean");
            json.finiteDoubleArray(f.mean(), "forecast values");
        }
        json.raw('}');
    }
}

package io.mlformats.deepar;

import static io.mlformats.jsonlines.internal.FastJsonScanner.BAIL;
import static io.mlformats.jsonlines.internal.FastJsonScanner.skipWs;

import io.mlformats.core.FormatException;
import io.mlformats.jsonlines.internal.FastJsonScanner;
import io.mlformats.jsonlines.internal.JsonParsers;
import io.mlformats.jsonlines.internal.JsonSite;
import io.mlformats.jsonlines.internal.JsonValues;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one batch-transform output line into a {@link DeepArForecastView}: first with the optimistic
 * {@link FastJsonScanner} (plain lines: {@code mean}, {@code quantiles}, {@code samples} holding plain numbers),
 * allocating nothing; when it bails, with the Jackson path of {@link DeepArInference}, which is the authority on
 * validity and produces every error message. Not thread-safe.
 */
final class DeepArForecastDecoder {
    private static final byte[] MEAN = ascii("mean");
    private static final byte[] QUANTILES = ascii("quantiles");
    private static final byte[] SAMPLES = ascii("samples");

    private final JsonParsers parsers;
    private final FastJsonScanner scanner;
    private final int maxElements;
    private final FastJsonScanner.FieldScanner field = this::field;
    private final FastJsonScanner.FieldScanner quantile = this::quantile;
    private final FastJsonScanner.ElementScanner sample = this::sample;
    private DeepArForecastView view;   // the view the fast path fills (a field: no capturing lambdas per line)
    private boolean hasQuantiles;

    DeepArForecastDecoder(JsonParsers parsers) {
        this.parsers = parsers;
        this.maxElements = parsers.limits().maxArrayElements();
        this.scanner = new FastJsonScanner(maxElements);
    }

    /** Decodes the JSON Lines record {@code b[from, to)} into {@code v}. */
    void decodeLine(byte[] b, int from, int to, JsonSite site, DeepArForecastView v) throws FormatException {
        v.clear();
        view = v;
        hasQuantiles = false;
        int i = FastJsonScanner.object(b, skipWs(b, from, to), to, field);
        if (i == BAIL || skipWs(b, i, to) != to) {
            v.set(JsonValues.readLine(parsers, b, from, to, site, DeepArInference::readForecast));
        }
    }

    private int field(byte[] b, int k0, int k1, int i, int to) {
        DeepArForecastView v = view;
        if (FastJsonScanner.is(b, k0, k1, MEAN) && !v.hasMean) {
            v.hasMean = true;
            return scanner.doubleArray(b, i, to, v.mean);
        } else if (FastJsonScanner.is(b, k0, k1, QUANTILES) && !hasQuantiles) {
            hasQuantiles = true;
            return FastJsonScanner.object(b, i, to, quantile);
        } else if (FastJsonScanner.is(b, k0, k1, SAMPLES) && !v.hasSamples) {
            v.hasSamples = true;
            return FastJsonScanner.array(b, i, to, sample);
        }
        return BAIL; // other fields, repeated fields: the Jackson path decides
    }

    private int quantile(byte[] b, int k0, int k1, int i, int to) {
        DeepArForecastView v = view;
        if (v.quantileLevels.containsAscii(b, k0, k1)) {
            return BAIL;
        }
        v.quantileLevels.add(b, k0, k1);
        return scanner.doubleArray(b, i, to, v.addQuantile());
    }

    private int sample(byte[] b, int i, int to) {
        if (view.sampleCount >= maxElements) {
            return BAIL;
        }
        return scanner.doubleArray(b, i, to, view.addSampleRow());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

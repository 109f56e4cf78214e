package io.mlformats.deepar;

import static io.mlformats.jsonlines.internal.FastJsonScanner.BAIL;
import static io.mlformats.jsonlines.internal.FastJsonScanner.skipWs;

import io.mlformats.core.FormatException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.text.NumberParser;
import io.mlformats.deepar.internal.StartParser;
import io.mlformats.jsonlines.internal.FastJsonScanner;
import io.mlformats.jsonlines.internal.FloatList;
import io.mlformats.jsonlines.internal.JsonParsers;
import io.mlformats.jsonlines.internal.JsonSite;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Decodes one DeepAR JSON object into a {@link DeepArSeriesView}: first with the optimistic
 * {@link FastJsonScanner} (plain records: the four DeepAR fields, numbers, {@code null}/{@code "NaN"}), and when
 * that bails, with Jackson, which also produces every error message. Record rules (required fields, shapes,
 * lengths, start format) are checked after either path by the same code. Not thread-safe.
 */
final class DeepArDecoder {
    static final String WARN_ISO_T = "start-iso-t-separator";
    static final String WARN_NAN_SPELLING = "nonstandard-nan-spelling";
    private static final byte[] START = ascii("start");
    private static final byte[] TARGET = ascii("target");
    private static final byte[] CAT = ascii("cat");
    private static final byte[] DYNAMIC = ascii("dynamic_feat");

    private final DeepArReadOptions options;
    private final JsonParsers parsers;
    private final ReadCounter stats;
    private final FastJsonScanner scanner;
    private final NumberParser numbers = new NumberParser();
    private final StartParser startParser = new StartParser();
    private final int maxElements;
    private final boolean lenient;
    private final FastJsonScanner.FieldScanner fastField = this::fastField;
    private final FastJsonScanner.ElementScanner fastRow = this::fastRow;
    private DeepArSeriesView fastView;   // the view the fast path fills (set per line: no capturing lambdas)
    private int fastFrom;

    DeepArDecoder(DeepArReadOptions options, JsonParsers parsers, ReadCounter stats) {
        this.options = options;
        this.parsers = parsers;
        this.stats = stats;
        this.maxElements = options.read().limits().maxArrayElements();
        this.scanner = new FastJsonScanner(maxElements);
        this.lenient = options.read().lenient();
    }

    /** Decodes the JSON Lines record {@code b[from, to)}. */
    void decodeLine(byte[] b, int from, int to, JsonSite site, DeepArSeriesView v) throws FormatException {
        v.clear();
        if (options.keepExtraFields() || !fast(b, from, to, v)) {
            v.clear();
            JsonParser p;
            try {
                p = parsers.open(b, from, to - from);
            } catch (JacksonException e) {
                throw parsers.translate(e, site);
            }
            try (p) {
                JsonToken t = parsers.next(p, site);
                if (t != JsonToken.START_OBJECT) {
                    throw new FormatException(site.at(p.currentTokenLocation()), DeepArProblem.NOT_AN_OBJECT
                            + ": found " + JsonParsers.describe(t) + ", expected one JSON object per line");
                }
                decodeObject(p, b, from, site, v);
                parsers.expectEnd(p, site);
            }
        }
        check(v, site);
    }

    // ---------------------------------------------------------------- fast path

    private boolean fast(byte[] b, int from, int to, DeepArSeriesView v) {
        fastView = v;
        fastFrom = from;
        int i = FastJsonScanner.object(b, skipWs(b, from, to), to, fastField);
        return i != BAIL && skipWs(b, i, to) == to;
    }

    private int fastField(byte[] b, int k0, int k1, int i, int to) {
        DeepArSeriesView v = fastView;
        int rel = i - fastFrom;
        if (FastJsonScanner.is(b, k0, k1, TARGET)) {
            if (v.hasTarget) {
                return BAIL;
            }
            v.hasTarget = true;
            v.targetAt = rel;
            return scanner.floatArray(b, i, to, v.target, true);
        } else if (FastJsonScanner.is(b, k0, k1, START)) {
            if (v.hasStart) {
                return BAIL;
            }
            int j = FastJsonScanner.plainString(b, i, to);
            if (j == BAIL || startParser.parse(b, i + 1, j - i - 2, lenient) != StartParser.OK) {
                return BAIL;
            }
            v.hasStart = true;
            v.startAt = rel;
            copyStart(v);
            return j;
        } else if (FastJsonScanner.is(b, k0, k1, CAT)) {
            if (v.hasCat) {
                return BAIL;
            }
            v.hasCat = true;
            v.catAt = rel;
            return scanner.intArray(b, i, to, v.cat);
        } else if (FastJsonScanner.is(b, k0, k1, DYNAMIC)) {
            if (v.hasDynamic) {
                return BAIL;
            }
            v.hasDynamic = true;
            v.dynamicAt = rel;
            return FastJsonScanner.array(b, i, to, fastRow);
        }
        return BAIL;
    }

    private int fastRow(byte[] b, int i, int to) {
        DeepArSeriesView v = fastView;
        if (v.dynamicCount >= maxElements) {
            return BAIL;
        }
        return scanner.floatArray(b, i, to, v.addDynamicRow(), false);
    }

    private void copyStart(DeepArSeriesView v) {
        v.year = startParser.year;
        v.month = startParser.month;
        v.day = startParser.day;
        v.hour = startParser.hour;
        v.minute = startParser.minute;
        v.second = startParser.second;
        v.startDateOnly = startParser.dateOnly;
    }

    // ---------------------------------------------------------------- Jackson path

    /**
     * Decodes the object whose START_OBJECT is the parser's current token; {@code base} is the index in {@code b}
     * of the parser's offset 0. Leaves the parser on the END_OBJECT.
     */
    void decodeObject(JsonParser p, byte[] b, int base, JsonSite site, DeepArSeriesView v) throws FormatException {
        try {
            while (true) {
                JsonToken t = parsers.next(p, site);
                if (t == JsonToken.END_OBJECT) {
                    return;
                }
                String name = p.currentName();
                t = parsers.next(p, site);
                int rel = (int) p.currentTokenLocation().getByteOffset();
                switch (name) {
                    case "start" -> start(p, t, rel, site, v);
                    case "target" -> target(p, t, b, base, rel, site, v);
                    case "cat" -> cat(p, t, b, base, rel, site, v);
                    case "dynamic_feat" -> dynamic(p, t, b, base, rel, site, v);
                    default -> extra(p, t, name, b, base, rel, site, v);
                }
            }
        } catch (JacksonException e) {
            throw parsers.translate(e, site, p);
        }
    }

    private void start(JsonParser p, JsonToken t, int rel, JsonSite site, DeepArSeriesView v)
            throws FormatException {
        v.hasStart = true;
        v.startAt = rel;
        if (t != JsonToken.VALUE_STRING) {
            throw error(site, rel, DeepArProblem.START_NOT_STRING, "found " + JsonParsers.describe(t)
                    + " for \"start\", expected a string \"YYYY-MM-DD HH:MM:SS\"");
        }
        String s = p.getString();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int status = startParser.parse(bytes, 0, bytes.length, lenient);
        String problem = DeepArRules.startProblem(status, s, startParser);
        if (problem != null) {
            throw new FormatException(site.at(rel), problem);
        }
        if (status == StartParser.OK_ISO_T) {
            stats.addWarning(WARN_ISO_T);
        }
        copyStart(v);
    }

    private void target(JsonParser p, JsonToken t, byte[] b, int base, int rel, JsonSite site, DeepArSeriesView v)
            throws FormatException {
        v.hasTarget = true;
        v.targetAt = rel;
        if (t != JsonToken.START_ARRAY) {
            throw error(site, rel, DeepArProblem.TARGET_NOT_1D, "found " + JsonParsers.describe(t)
                    + " for \"target\", expected an array of numbers");
        }
        while ((t = parsers.next(p, site)) != JsonToken.END_ARRAY) {
            int at = (int) p.currentTokenLocation().getByteOffset();
            float f;
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                f = number(p, b, base, at, site);
            } else if (t == JsonToken.VALUE_NULL) {
                f = Float.NaN;
            } else if (t == JsonToken.VALUE_STRING) {
                f = missing(p.getString(), at, site, DeepArProblem.NON_NUMERIC_VALUE);
            } else if (t == JsonToken.START_ARRAY) {
                throw error(site, at, DeepArProblem.TARGET_NOT_1D, "found a nested array in \"target\";"
                        + " DeepAR series are univariate: expected an array of numbers");
            } else {
                throw error(site, at, DeepArProblem.NON_NUMERIC_VALUE, "found " + JsonParsers.describe(t)
                        + " in \"target\", expected a number, null or \"NaN\"");
            }
            add(v.target, f, site, at);
        }
    }

    private float missing(String s, int at, JsonSite site, DeepArProblem code) throws FormatException {
        if (s.equals("NaN")) {
            return Float.NaN;
        }
        if (s.equalsIgnoreCase("nan") && lenient) {
            stats.addWarning(WARN_NAN_SPELLING);
            return Float.NaN;
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("infinity") || lower.equals("-infinity") || lower.equals("inf") || lower.equals("-inf")
                || lower.equals("+infinity") || lower.equals("+inf")) {
            throw error(site, at, DeepArProblem.NON_FINITE_VALUE, "found \"" + s
                    + "\"; DeepAR values must be finite (missing values are null or \"NaN\")");
        }
        String hint = s.equalsIgnoreCase("nan") ? " (read in lenient mode to accept other spellings of NaN)" : "";
        throw error(site, at, code, "found the string \"" + abbreviate(s)
                + "\", expected a number, null or \"NaN\"" + hint);
    }

    private float number(JsonParser p, byte[] b, int base, int at, JsonSite site) throws FormatException {
        int len = p.getTextLength();
        float f = numbers.parseFloat(b, base + at, len);
        if (numbers.status() != NumberParser.OK) {
            throw error(site, at, DeepArProblem.NON_FINITE_VALUE, "found " + JsonParsers.numberText(p)
                    + ", which is outside the float32 range (DeepAR holds values as float32)");
        }
        return f;
    }

    private void add(FloatList list, float f, JsonSite site, int at) throws FormatException {
        if (list.size >= maxElements) {
            throw new LimitExceededException(site.at(at), "maxArrayElements", maxElements,
                    "an array of more than " + maxElements + " values");
        }
        list.add(f);
    }

    private void cat(JsonParser p, JsonToken t, byte[] b, int base, int rel, JsonSite site, DeepArSeriesView v)
            throws FormatException {
        v.hasCat = true;
        v.catAt = rel;
        if (t != JsonToken.START_ARRAY) {
            throw error(site, rel, DeepArProblem.CAT_NOT_ARRAY, "found " + JsonParsers.describe(t)
                    + " for \"cat\", expected an array of integers (one feature is still a list: [3])");
        }
        while ((t = parsers.next(p, site)) != JsonToken.END_ARRAY) {
            int at = (int) p.currentTokenLocation().getByteOffset();
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw error(site, at, DeepArProblem.CAT_NOT_INTEGER, "found " + describeValue(p, t)
                        + " in \"cat\", expected a non-negative integer (0-based category index)");
            }
            long c = numbers.parseLong(b, base + at, p.getTextLength());
            if (numbers.status() == NumberParser.OK && c < 0) {
                throw error(site, at, DeepArProblem.CAT_NEGATIVE, "found " + c
                        + " in \"cat\", expected a 0-based category index (>= 0)");
            }
            if (numbers.status() != NumberParser.OK || c > Integer.MAX_VALUE) {
                throw error(site, at, DeepArProblem.CAT_NOT_INTEGER, "found " + JsonParsers.numberText(p)
                        + " in \"cat\", expected an integer in 0.." + Integer.MAX_VALUE);
            }
            if (v.cat.size >= maxElements) {
                throw new LimitExceededException(site.at(at), "maxArrayElements", maxElements,
                        "an array of more than " + maxElements + " values");
            }
            v.cat.add((int) c);
        }
    }

    private void dynamic(JsonParser p, JsonToken t, byte[] b, int base, int rel, JsonSite site,
                         DeepArSeriesView v) throws FormatException {
        v.hasDynamic = true;
        v.dynamicAt = rel;
        if (t != JsonToken.START_ARRAY) {
            throw error(site, rel, DeepArProblem.DYNAMIC_FEAT_NOT_2D, "found " + JsonParsers.describe(t)
                    + " for \"dynamic_feat\", expected an array of arrays of numbers ([[...], [...]])");
        }
        while ((t = parsers.next(p, site)) != JsonToken.END_ARRAY) {
            int rowAt = (int) p.currentTokenLocation().getByteOffset();
            if (t != JsonToken.START_ARRAY) {
                throw error(site, rowAt, DeepArProblem.DYNAMIC_FEAT_NOT_2D, "found " + JsonParsers.describe(t)
                        + " in \"dynamic_feat\", expected an array per feature ([[...], [...]])");
            }
            if (v.dynamicCount >= maxElements) {
                throw new LimitExceededException(site.at(rowAt), "maxArrayElements", maxElements,
                        "more than " + maxElements + " dynamic_feat rows");
            }
            FloatList row = v.addDynamicRow();
            int rowIndex = v.dynamicCount - 1;
            while ((t = parsers.next(p, site)) != JsonToken.END_ARRAY) {
                int at = (int) p.currentTokenLocation().getByteOffset();
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    add(row, number(p, b, base, at, site), site, at);
                } else if (t == JsonToken.VALUE_NULL
                        || (t == JsonToken.VALUE_STRING && p.getString().equalsIgnoreCase("nan"))) {
                    throw error(site, at, DeepArProblem.DYNAMIC_FEAT_MISSING_VALUE, "found a missing value ("
                            + p.getText() + ") in dynamic_feat row " + rowIndex + " at index " + row.size
                            + "; DeepAR does not support missing values in features: fill them in");
                } else {
                    throw error(site, at, t == JsonToken.START_ARRAY ? DeepArProblem.DYNAMIC_FEAT_NOT_2D
                            : DeepArProblem.NON_NUMERIC_VALUE, "found " + describeValue(p, t)
                            + " in dynamic_feat row " + rowIndex + ", expected a number");
                }
            }
        }
    }

    private void extra(JsonParser p, JsonToken t, String name, byte[] b, int base, int rel, JsonSite site,
                       DeepArSeriesView v) throws FormatException {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            parsers.skip(p, site);
        } else if (t == JsonToken.VALUE_STRING) {
            p.finishToken();
        }
        if (options.keepExtraFields()) {
            int end = (int) p.currentLocation().getByteOffset();
            v.extra.put(name, new String(b, base + rel, end - rel, StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------- record rules

    void check(DeepArSeriesView v, JsonSite site) throws FormatException {
        if (!v.hasStart) {
            throw error(site, 0, DeepArProblem.MISSING_START, "the series has no \"start\" field, expected"
                    + " \"start\": \"YYYY-MM-DD HH:MM:SS\"");
        }
        if (!v.hasTarget) {
            throw error(site, 0, DeepArProblem.MISSING_TARGET, "the series has no \"target\" field, expected"
                    + " \"target\": [numbers]");
        }
        int n = v.target.size;
        if (n == 0) {
            throw error(site, v.targetAt, DeepArProblem.EMPTY_TARGET, "\"target\" is empty; a series needs at"
                    + " least one observation");
        }
        if (v.dynamicCount > 0) {
            int len0 = v.dynamic[0].size;
            for (int i = 1; i < v.dynamicCount; i++) {
                if (v.dynamic[i].size != len0) {
                    throw error(site, v.dynamicAt, DeepArProblem.DYNAMIC_FEAT_RAGGED, "dynamic_feat row " + i
                            + " has " + v.dynamic[i].size + " values but row 0 has " + len0
                            + "; every row must have the same length");
                }
            }
            int expected = switch (options.dynamicFeatLength()) {
                case TARGET -> n;
                case TARGET_PLUS_PREDICTION -> n + options.predictionLength();
                case UNCHECKED -> len0;
            };
            if (len0 != expected) {
                String rule = options.dynamicFeatLength() == DynamicFeatLength.TARGET
                        ? "the target's length " + n + " (training and test data)"
                        : "len(target) + prediction_length = " + n + " + " + options.predictionLength() + " = "
                                + expected + " (inference data)";
                throw error(site, v.dynamicAt, DeepArProblem.DYNAMIC_FEAT_LENGTH, "dynamic_feat rows have "
                        + len0 + " values, expected " + rule);
            }
        }
    }

    static FormatException error(JsonSite site, long rel, DeepArProblem code, String detail) {
        return new FormatException(site.at(rel), code + ": " + detail);
    }

    private static String describeValue(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_STRING) {
            return "the string \"" + abbreviate(p.getString()) + "\"";
        }
        return JsonParsers.describe(t);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

package io.mlformats.object2vec;

import io.mlformats.core.FormatException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.core.text.NumberParser;
import io.mlformats.jsonlines.internal.FastJsonScanner;
import io.mlformats.jsonlines.internal.IntList;
import io.mlformats.jsonlines.internal.JsonParsers;
import io.mlformats.jsonlines.internal.JsonSite;
import io.mlformats.jsonlines.internal.JsonValues;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Decodes and checks one Object2Vec JSON object into a reused {@link Object2VecPairView}. Valid lines of the
 * common shape ({@code label}, {@code in0}, {@code in1}; plain numbers) are read by an allocation-free fast path;
 * anything else (other fields, escapes, errors) is re-read with Jackson, which is the authority on validity and on
 * error messages. Not thread-safe.
 */
final class Object2VecDecoder {
    static final String WARN_LONG_SEQUENCE = "sequence-longer-than-max";
    private static final byte[] LABEL = {'l', 'a', 'b', 'e', 'l'};
    private static final byte[] IN0 = {'i', 'n', '0'};
    private static final byte[] IN1 = {'i', 'n', '1'};

    private final Object2VecReadOptions options;
    private final JsonParsers parsers;
    private final ReadCounter stats;
    private final FastJsonScanner scanner;
    private final NumberParser numbers = new NumberParser();
    private final Object2VecPairView scratch = new Object2VecPairView();

    Object2VecDecoder(Object2VecReadOptions options, JsonParsers parsers, ReadCounter stats) {
        this.options = options;
        this.parsers = parsers;
        this.stats = stats;
        this.scanner = new FastJsonScanner(parsers.limits().maxArrayElements());
    }

    void decodeLine(byte[] b, int from, int to, JsonSite site, Object2VecPairView v) throws FormatException {
        v.clear();
        if (fast(b, from, to, v)) {
            return;
        }
        v.clear();
        JsonValues values = new JsonValues(parsers, b, from, site);
        try (JsonParser p = values.open(to - from)) {
            JsonToken t = values.next(p);
            if (t != JsonToken.START_OBJECT) {
                throw error(values, p, Object2VecProblem.NOT_AN_OBJECT, "found " + JsonParsers.describe(t)
                        + ", expected one JSON object per line");
            }
            decodeObject(p, values, v);
            parsers.expectEnd(p, site);
        }
    }

    /** Decodes the object at the parser's current START_OBJECT into an owned pair. */
    Object2VecPair decodePair(JsonParser p, JsonValues values) throws FormatException {
        scratch.clear();
        decodeObject(p, values, scratch);
        return scratch.copy();
    }

    /**
     * The fast path: true if {@code b[from, to)} is one valid record of the common shape, decoded into {@code v};
     * false (and {@code v} in any state) for anything else, which the caller re-reads with Jackson.
     */
    private boolean fast(byte[] b, int from, int to, Object2VecPairView v) {
        int i = FastJsonScanner.skipWs(b, from, to);
        if (i >= to || b[i] != '{') {
            return false;
        }
        i = FastJsonScanner.skipWs(b, i + 1, to);
        if (i < to && b[i] == '}') {
            return false;   // no inputs: an error, reported by the Jackson path
        }
        while (true) {
            int nameEnd = FastJsonScanner.plainString(b, i, to);
            if (nameEnd == FastJsonScanner.BAIL) {
                return false;
            }
            int nameFrom = i + 1;
            int nameTo = nameEnd - 1;
            i = FastJsonScanner.skipWs(b, nameEnd, to);
            if (i >= to || b[i] != ':') {
                return false;
            }
            i = FastJsonScanner.skipWs(b, i + 1, to);
            if (FastJsonScanner.is(b, nameFrom, nameTo, LABEL) && !v.hasLabel()) {
                i = label(b, i, to, v);
            } else if (FastJsonScanner.is(b, nameFrom, nameTo, IN0) && !v.hasIn0) {
                v.hasIn0 = true;
                i = scanner.intArray(b, i, to, v.in0);
            } else if (FastJsonScanner.is(b, nameFrom, nameTo, IN1) && !v.hasIn1) {
                v.hasIn1 = true;
                i = scanner.intArray(b, i, to, v.in1);
            } else {
                return false;   // another field or a duplicate
            }
            if (i == FastJsonScanner.BAIL) {
                return false;
            }
            i = FastJsonScanner.skipWs(b, i, to);
            if (i >= to) {
                return false;
            }
            if (b[i] == '}') {
                break;
            }
            if (b[i] != ',') {
                return false;
            }
            i = FastJsonScanner.skipWs(b, i + 1, to);
        }
        return FastJsonScanner.skipWs(b, i + 1, to) == to && valid(v);
    }

    /** A plain JSON number label at {@code i}: returns the index past it, or BAIL. */
    private int label(byte[] b, int i, int to, Object2VecPairView v) {
        int j = i;
        if (j < to && b[j] == '-') {
            j++;
        }
        int digits = j;
        if (j < to && b[j] == '0') {
            j++;
        } else {
            while (j < to && b[j] >= '0' && b[j] <= '9') {
                j++;
            }
        }
        if (j == digits) {
            return FastJsonScanner.BAIL;
        }
        boolean real = false;
        if (j < to && b[j] == '.') {
            real = true;
            int f = ++j;
            while (j < to && b[j] >= '0' && b[j] <= '9') {
                j++;
            }
            if (j == f) {
                return FastJsonScanner.BAIL;
            }
        }
        if (j < to && (b[j] == 'e' || b[j] == 'E')) {
            real = true;
            j++;
            if (j < to && (b[j] == '+' || b[j] == '-')) {
                j++;
            }
            int e = j;
            while (j < to && b[j] >= '0' && b[j] <= '9') {
                j++;
            }
            if (j == e) {
                return FastJsonScanner.BAIL;
            }
        }
        if (!real) {
            if (j - digits > 18) {
                return FastJsonScanner.BAIL;
            }
            long n = 0;
            for (int k = digits; k < j; k++) {
                n = n * 10 + (b[k] - '0');
            }
            v.labelKind = Object2VecPairView.INTEGER_LABEL;
            v.integerLabel = b[i] == '-' ? -n : n;
            return j;
        }
        if (j - i > 64) {
            return FastJsonScanner.BAIL;
        }
        double d = numbers.parseDoublePrefix(b, i, j);
        if (numbers.status() != NumberParser.OK || numbers.parsedEnd() != j || !Double.isFinite(d)) {
            return FastJsonScanner.BAIL;
        }
        v.labelKind = Object2VecPairView.REAL_LABEL;
        v.realLabel = d;
        return j;
    }

    /** The checks of the Jackson path, as a yes/no: any failure is re-read there for its message. */
    private boolean valid(Object2VecPairView v) {
        Object2VecHyperparameters hp = options.hyperparameters();
        int classes = hp.numClasses();
        if (options.requireLabel() && !v.hasLabel()) {
            return false;
        }
        if (classes > 0 && v.hasLabel()
                && (!v.isIntegerLabel() || v.integerLabel < 0 || v.integerLabel >= classes)) {
            return false;
        }
        if (options.requireBothInputs() ? !v.hasIn0 || !v.hasIn1 : !v.hasIn0 && !v.hasIn1) {
            return false;
        }
        return ids(v.hasIn0, v.in0, hp.enc0VocabSize(), hp.enc0MaxSeqLen())
                && ids(v.hasIn1, v.in1, hp.enc1VocabSize(), hp.enc1MaxSeqLen());
    }

    private static boolean ids(boolean present, IntList ids, int vocab, int maxLen) {
        if (!present) {
            return true;
        }
        if (ids.size == 0 || (maxLen > 0 && ids.size > maxLen)) {
            return false;
        }
        if (vocab > 0) {
            for (int k = 0; k < ids.size; k++) {
                if (ids.data[k] >= vocab) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Decodes the object at the parser's current START_OBJECT into {@code v} (cleared by the caller). */
    void decodeObject(JsonParser p, JsonValues values, Object2VecPairView v) throws FormatException {
        long objectAt = p.currentTokenLocation().getByteOffset();
        JsonToken t;
        while ((t = values.next(p)) != JsonToken.END_OBJECT) {
            String name = p.currentName();
            t = values.next(p);
            switch (name) {
                case "label" -> label(p, t, values, v);
                case "in0" -> {
                    v.hasIn0 = true;
                    input(p, t, values, "in0", options.hyperparameters().enc0VocabSize(),
                            options.hyperparameters().enc0MaxSeqLen(), "enc0", v.in0);
                }
                case "in1" -> {
                    v.hasIn1 = true;
                    input(p, t, values, "in1", options.hyperparameters().enc1VocabSize(),
                            options.hyperparameters().enc1MaxSeqLen(), "enc1", v.in1);
                }
                default -> values.skip(p);
            }
        }
        JsonSite site = values.site();
        boolean in0 = v.hasIn0;
        boolean in1 = v.hasIn1;
        if (!v.hasLabel() && options.requireLabel()) {
            throw new FormatException(site.at(objectAt), Object2VecProblem.MISSING_LABEL
                    + ": the pair has no \"label\"; training data needs one (an unlabelled pair is an inference"
                    + " instance)");
        }
        if (options.requireBothInputs() ? !in0 || !in1 : !in0 && !in1) {
            throw new FormatException(site.at(objectAt), Object2VecProblem.MISSING_INPUT + ": the record has "
                    + (!in0 && !in1 ? "neither \"in0\" nor \"in1\"" : "no \"" + (!in0 ? "in0"
                    : "in1") + "\"") + (options.requireBothInputs() ? ", expected both" : ", expected at least one"));
        }
    }

    private void label(JsonParser p, JsonToken t, JsonValues values, Object2VecPairView view)
            throws FormatException {
        int classes = options.hyperparameters().numClasses();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            long v;
            try {
                v = values.integer(p, "\"label\"");
            } catch (FormatException e) {
                throw error(values, p, Object2VecProblem.LABEL_OUT_OF_RANGE, "label " + JsonParsers.numberText(p)
                        + " is outside the int64 range");
            }
            if (classes > 0 && (v < 0 || v >= classes)) {
                throw error(values, p, Object2VecProblem.LABEL_OUT_OF_RANGE, "label " + v + " is not a class"
                        + " index 0.." + (classes - 1) + " (num_classes = " + classes + ")");
            }
            view.labelKind = Object2VecPairView.INTEGER_LABEL;
            view.integerLabel = v;
            return;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            if (classes > 0) {
                throw error(values, p, Object2VecProblem.LABEL_NOT_INTEGER, "label " + p.getText()
                        + " is not an integer; classification (softmax) labels are class indices 0.."
                        + (classes - 1));
            }
            view.realLabel = values.number(p, "\"label\"");
            view.labelKind = Object2VecPairView.REAL_LABEL;
            return;
        }
        throw error(values, p, Object2VecProblem.LABEL_NOT_NUMBER, "found " + JsonValues.describeValue(p, t)
                + " for \"label\", expected a number (an integer class index, or a real value for regression)");
    }

    private void input(JsonParser p, JsonToken t, JsonValues values, String name, int vocab, int maxLen,
                       String enc, IntList ids) throws FormatException {
        if (t != JsonToken.START_ARRAY) {
            throw error(values, p, Object2VecProblem.INPUT_NOT_ARRAY, "found " + JsonValues.describeValue(p, t)
                    + " for \"" + name + "\", expected a list of token ids (a single token is still a list: [7])");
        }
        long arrayAt = p.currentTokenLocation().getByteOffset();
        ids.clear();
        int max = parsers.limits().maxArrayElements();
        while ((t = values.next(p)) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw error(values, p, Object2VecProblem.TOKEN_ID_NOT_INTEGER, "found "
                        + JsonValues.describeValue(p, t) + " in \"" + name + "\", expected an integer token id");
            }
            long id;
            try {
                id = values.integer(p, "\"" + name + "\"");
            } catch (FormatException e) {
                id = Long.MAX_VALUE;
            }
            if (id < 0) {
                throw error(values, p, Object2VecProblem.NEGATIVE_TOKEN_ID, "token id " + id + " in \"" + name
                        + "\" is negative; ids are 0.." + (vocab > 0 ? vocab - 1 : "vocab_size-1"));
            }
            if (id > Integer.MAX_VALUE || (vocab > 0 && id >= vocab)) {
                throw error(values, p, Object2VecProblem.TOKEN_ID_OUT_OF_RANGE, "token id " + JsonParsers.numberText(p)
                        + " in \"" + name + "\" is not less than " + enc + "_vocab_size=" + (vocab > 0 ? vocab
                        : Integer.MAX_VALUE));
            }
            if (ids.size >= max) {
                throw new LimitExceededException(values.site().at(p.currentTokenLocation()), "maxArrayElements",
                        max, "a list of more than " + max + " token ids");
            }
            ids.add((int) id);
        }
        if (ids.size == 0) {
            throw new FormatException(values.site().at(arrayAt), Object2VecProblem.EMPTY_SEQUENCE + ": \"" + name
                    + "\" is empty; every input needs at least one token id");
        }
        if (maxLen > 0 && ids.size > maxLen) {
            if (!options.read().lenient()) {
                throw new FormatException(values.site().at(arrayAt), Object2VecProblem.SEQUENCE_LONGER_THAN_MAX
                        + ": \"" + name + "\" has " + ids.size + " token ids, more than " + enc + "_max_seq_len="
                        + maxLen + " (read in lenient mode to accept it with a warning)");
            }
            stats.addWarning(WARN_LONG_SEQUENCE);
        }
    }

    private static FormatException error(JsonValues values, JsonParser p, Object2VecProblem code, String detail) {
        return values.error(p, code + ": " + detail);
    }
}

package io.mlformats.object2vec;

import io.mlformats.core.FormatException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.internal.ReadCounter;
import io.mlformats.jsonlines.internal.IntList;
import io.mlformats.jsonlines.internal.JsonParsers;
import io.mlformats.jsonlines.internal.JsonSite;
import io.mlformats.jsonlines.internal.JsonValues;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Decodes and checks one Object2Vec JSON object with Jackson. Not thread-safe. */
final class Object2VecDecoder {
    static final String WARN_LONG_SEQUENCE = "sequence-longer-than-max";

    private final Object2VecReadOptions options;
    private final JsonParsers parsers;
    private final ReadCounter stats;
    private final IntList ids = new IntList(64);

    Object2VecDecoder(Object2VecReadOptions options, JsonParsers parsers, ReadCounter stats) {
        this.options = options;
        this.parsers = parsers;
        this.stats = stats;
    }

    Object2VecPair decodeLine(byte[] b, int from, int to, JsonSite site) throws FormatException {
        JsonValues values = new JsonValues(parsers, b, from, site);
        try (JsonParser p = values.open(to - from)) {
            JsonToken t = values.next(p);
            if (t != JsonToken.START_OBJECT) {
                throw error(values, p, Object2VecProblem.NOT_AN_OBJECT, "found " + JsonParsers.describe(t)
                        + ", expected one JSON object per line");
            }
            Object2VecPair pair = decodeObject(p, values);
            parsers.expectEnd(p, site);
            return pair;
        }
    }

    /** Decodes the object at the parser's current START_OBJECT. */
    Object2VecPair decodeObject(JsonParser p, JsonValues values) throws FormatException {
        Number label = null;
        int[] in0 = null;
        int[] in1 = null;
        long objectAt = p.currentTokenLocation().getByteOffset();
        JsonToken t;
        while ((t = values.next(p)) != JsonToken.END_OBJECT) {
            String name = p.currentName();
            t = values.next(p);
            switch (name) {
                case "label" -> label = label(p, t, values);
                case "in0" -> in0 = input(p, t, values, "in0", options.hyperparameters().enc0VocabSize(),
                        options.hyperparameters().enc0MaxSeqLen(), "enc0");
                case "in1" -> in1 = input(p, t, values, "in1", options.hyperparameters().enc1VocabSize(),
                        options.hyperparameters().enc1MaxSeqLen(), "enc1");
                default -> values.skip(p);
            }
        }
        JsonSite site = values.site();
        if (label == null && options.requireLabel()) {
            throw new FormatException(site.at(objectAt), Object2VecProblem.MISSING_LABEL
                    + ": the pair has no \"label\"; training data needs one (an unlabelled pair is an inference"
                    + " instance)");
        }
        if (options.requireBothInputs() ? in0 == null || in1 == null : in0 == null && in1 == null) {
            throw new FormatException(site.at(objectAt), Object2VecProblem.MISSING_INPUT + ": the record has "
                    + (in0 == null && in1 == null ? "neither \"in0\" nor \"in1\"" : "no \"" + (in0 == null ? "in0"
                    : "in1") + "\"") + (options.requireBothInputs() ? ", expected both" : ", expected at least one"));
        }
        return new Object2VecPair(label, in0, in1);
    }

    private Number label(JsonParser p, JsonToken t, JsonValues values) throws FormatException {
        int classes = options.hyperparameters().numClasses();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            long v;
            try {
                v = values.integer(p, "\"label\"");
            } catch (FormatException e) {
                throw error(values, p, Object2VecProblem.LABEL_OUT_OF_RANGE, "label " + p.getText()
                        + " is outside the int64 range");
            }
            if (classes > 0 && (v < 0 || v >= classes)) {
                throw error(values, p, Object2VecProblem.LABEL_OUT_OF_RANGE, "label " + v + " is not a class"
                        + " index 0.." + (classes - 1) + " (num_classes = " + classes + ")");
            }
            return v;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            if (classes > 0) {
                throw error(values, p, Object2VecProblem.LABEL_NOT_INTEGER, "label " + p.getText()
                        + " is not an integer; classification (softmax) labels are class indices 0.."
                        + (classes - 1));
            }
            return values.number(p, "\"label\"");
        }
        throw error(values, p, Object2VecProblem.LABEL_NOT_NUMBER, "found " + JsonValues.describeValue(p, t)
                + " for \"label\", expected a number (an integer class index, or a real value for regression)");
    }

    private int[] input(JsonParser p, JsonToken t, JsonValues values, String name, int vocab, int maxLen,
                        String enc) throws FormatException {
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
                throw error(values, p, Object2VecProblem.TOKEN_ID_OUT_OF_RANGE, "token id " + p.getText()
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
        return ids.toArray();
    }

    private static FormatException error(JsonValues values, JsonParser p, Object2VecProblem code, String detail) {
        return values.error(p, code + ": " + detail);
    }
}

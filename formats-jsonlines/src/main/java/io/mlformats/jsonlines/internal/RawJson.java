package io.mlformats.jsonlines.internal;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Checks of raw JSON text that writers copy verbatim (extra fields, manifest attributes). Thread-safe. */
public final class RawJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private RawJson() {
    }

    /** Throws {@link IllegalArgumentException} unless {@code raw} is exactly one JSON value with no line break. */
    public static void requireSingleValue(String raw, String name) {
        if (raw == null || raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("value of \"" + name + "\" must be one-line JSON text: " + raw);
        }
        byte[] b = raw.getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), b, 0, b.length)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("value of \"" + name + "\" is empty");
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("value of \"" + name + "\" holds more than one JSON value: "
                        + raw);
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("value of \"" + name + "\" is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}

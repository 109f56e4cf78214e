package io.mlformats.manifest;

import io.mlformats.core.FormatException;
import io.mlformats.jsonlines.internal.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Typed view of a Ground Truth {@code <label>-metadata} object. Fields absent from the object are {@code null}
 * (maps empty); {@link #raw()} keeps the object exactly as read, including fields not modelled here (write that
 * back, not a re-serialisation). Immutable.
 *
 * @param className     {@code class-name} (single-label jobs)
 * @param confidence    {@code confidence}
 * @param type          {@code type}, e.g. {@code groundtruth/text-classification}
 * @param jobName       {@code job-name}
 * @param humanAnnotated {@code human-annotated} ("yes"/"no") as a boolean
 * @param creationDate  {@code creation-date} as written
 * @param classMap      {@code class-map} (multi-label / detection): class id (string key) to name
 * @param confidenceMap {@code confidence-map}: class id to confidence
 * @param raw           the object's JSON text
 */
public record LabelMetadata(String className, Double confidence, String type, String jobName,
                            Boolean humanAnnotated, String creationDate, Map<String, String> classMap,
                            Map<String, Double> confidenceMap, String raw) {

    /**
     * The metadata attribute name for a label attribute: {@code <label>-metadata}.
     *
     * @param labelAttribute the name of the label attribute, such as {@code category}
     * @return {@code labelAttribute} followed by {@code -metadata}
     */
    public static String attributeFor(String labelAttribute) {
        return labelAttribute + "-metadata";
    }

    /**
     * Ground Truth's rule for label attribute names: not containing {@code -metadata} and not ending with
     * {@code -ref} (except for semantic segmentation, 3D point cloud and video tracking jobs: {@code allowRef}).
     *
     * @param name the label attribute name to check
     * @param allowRef true to accept a name ending with {@code -ref} (segmentation, point cloud, video tracking)
     */
    public static void checkLabelAttributeName(String name, boolean allowRef) {
        if (name.contains("-metadata")) {
            throw new IllegalArgumentException("label attribute name \"" + name + "\" must not contain -metadata");
        }
        if (!allowRef && name.endsWith("-ref")) {
            throw new IllegalArgumentException("label attribute name \"" + name + "\" must not end with -ref");
        }
        if (name.startsWith("$")) {
            throw new IllegalArgumentException("attribute name \"" + name + "\" must not start with $");
        }
    }

    /**
     * Parses a metadata object's raw JSON (as {@link ManifestRecord#raw(String)} returns it).
     *
     * @param rawJson the metadata attribute's value as one JSON object text
     * @return the recognised metadata fields, with {@code rawJson} kept as {@link #raw()}
     * @throws FormatException if {@code rawJson} is not a well-formed JSON object or a known field has the wrong type
     */
    public static LabelMetadata parse(String rawJson) throws FormatException {
        byte[] b = rawJson.getBytes(StandardCharsets.UTF_8);
        JsonValues v = JsonValues.document(b, "<label metadata>");
        String className = null;
        String type = null;
        String job = null;
        String date = null;
        Double confidence = null;
        Boolean human = null;
        Map<String, String> classMap = new LinkedHashMap<>();
        Map<String, Double> confMap = new LinkedHashMap<>();
        try (JsonParser p = v.open()) {
            v.expect(p, v.next(p), JsonToken.START_OBJECT, "label metadata");
            JsonToken t;
            for (String name; (name = v.nextField(p)) != null; ) {
                t = p.currentToken();
                switch (name) {
                    case "class-name" -> className = v.string(p, t, "\"class-name\"");
                    case "type" -> type = v.string(p, t, "\"type\"");
                    case "job-name" -> job = v.string(p, t, "\"job-name\"");
                    case "creation-date" -> date = v.string(p, t, "\"creation-date\"");
                    case "confidence" -> confidence = v.number(p, "\"confidence\"");
                    case "human-annotated" -> human = "yes".equals(v.string(p, t, "\"human-annotated\""));
                    case "class-map" -> {
                        v.expect(p, t, JsonToken.START_OBJECT, "\"class-map\"");
                        while ((t = v.next(p)) != JsonToken.END_OBJECT) {
                            String k = p.currentName();
                            classMap.put(k, v.string(p, v.next(p), "class-map value"));
                        }
                    }
                    case "confidence-map" -> {
                        v.expect(p, t, JsonToken.START_OBJECT, "\"confidence-map\"");
                        while ((t = v.next(p)) != JsonToken.END_OBJECT) {
                            String k = p.currentName();
                            v.next(p);
                            confMap.put(k, v.number(p, "confidence-map value"));
                        }
                    }
                    default -> v.skip(p);
                }
            }
            v.parsers().expectEnd(p, v.site());
        }
        return new LabelMetadata(className, confidence, type, job, human, date,
                Collections.unmodifiableMap(classMap), Collections.unmodifiableMap(confMap), rawJson);
    }
}

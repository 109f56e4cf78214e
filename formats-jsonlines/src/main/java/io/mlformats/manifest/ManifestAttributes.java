package io.mlformats.manifest;

import java.util.List;

/**
 * The attributes of one augmented-manifest line, each value as raw JSON text: implemented by the reader's reused
 * {@link ManifestRecordView} and by the owned {@link ManifestRecord}, so code that only looks at a line (a
 * conversion, a check) takes either.
 */
public interface ManifestAttributes {

    /** Attribute names in file order (a new list). */
    List<String> names();

    /** True if the line has attribute {@code name}. */
    boolean has(String name);

    /** The raw JSON text of an attribute's value, or null. */
    String raw(String name);

    /**
     * The attribute as SageMaker streams it in Pipe mode: a JSON string's content, or the JSON text of any other
     * value (a number {@code 1} streams as {@code "1"}). Null if absent.
     */
    String text(String name);

    /** True if the attribute's value is a JSON string. */
    boolean isString(String name);

    /** The values of {@code attributeNames} in that order, as SageMaker streams them. */
    default List<String> streamed(List<String> attributeNames) {
        List<String> out = new java.util.ArrayList<>(attributeNames.size());
        for (String n : attributeNames) {
            out.add(text(n));
        }
        return out;
    }
}

package io.mlformats.manifest;

import java.util.List;

/**
 * The attributes of one augmented-manifest line, each value as raw JSON text: implemented by the reader's reused
 * {@link ManifestRecordView} and by the owned {@link ManifestRecord}, so code that only looks at a line (a
 * conversion, a check) takes either.
 */
public interface ManifestAttributes {

    /**
     * Attribute names in file order (a new list).
     *
     * @return the line's attribute names in the order they appear in the JSON object
     */
    List<String> names();

    /**
     * True if the line has attribute {@code name}.
     *
     * @param name the attribute name, matched exactly
     * @return true if the line's JSON object has a member called {@code name}
     */
    boolean has(String name);

    /**
     * The raw JSON text of an attribute's value, or null.
     *
     * @param name the attribute name, matched exactly
     * @return the value's JSON text exactly as in the line, or null if the attribute is absent
     */
    String raw(String name);

    /**
     * The attribute as SageMaker streams it in Pipe mode: a JSON string's content, or the JSON text of any other
     * value (a number {@code 1} streams as {@code "1"}). Null if absent.
     *
     * @param name the attribute name, matched exactly
     * @return the decoded string content or the value's JSON text, or null if the attribute is absent
     */
    String text(String name);

    /**
     * True if the attribute's value is a JSON string.
     *
     * @param name the attribute name, matched exactly
     * @return true if the attribute is present and its value is a JSON string; false otherwise
     */
    boolean isString(String name);

    /**
     * The values of {@code attributeNames} in that order, as SageMaker streams them.
     *
     * @param attributeNames the channel's {@code AttributeNames}, in stream order
     * @return a new list with one {@link #text(String)} value per name, null where an attribute is absent
     */
    default List<String> streamed(List<String> attributeNames) {
        List<String> out = new java.util.ArrayList<>(attributeNames.size());
        for (String n : attributeNames) {
            out.add(text(n));
        }
        return out;
    }
}

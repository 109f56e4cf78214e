package io.mlformats.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats the command knows, by their command-line names. */
public enum Format {
    LIBSVM("libsvm", "libsvm", "LibSVM / SVMlight text (label [idx:val]...)"),
    CSV("csv", "csv", "SageMaker CSV: label first, no header"),
    RECORDIO_PROTOBUF("recordio-protobuf", "pbr", "SageMaker RecordIO-protobuf (application/x-recordio-protobuf)"),
    IMAGE_RECORD("image-record", "rec", "MXNet image RecordIO (.rec)"),
    PARQUET("parquet", "parquet", "Apache Parquet table"),
    DEEPAR("deepar", "jsonl", "DeepAR JSON Lines (start, target, cat, dynamic_feat)"),
    OBJECT2VEC("object2vec", "jsonl", "Object2Vec JSON Lines (label, in0, in1)"),
    BLAZINGTEXT("blazingtext", "txt", "BlazingText text (__label__ tokens)"),
    MANIFEST("manifest", "manifest", "augmented manifest JSON Lines (source / source-ref)");

    private final String cliName;
    private final String extension;
    private final String description;

    Format(String cliName, String extension, String description) {
        this.cliName = cliName;
        this.extension = extension;
        this.description = description;
    }

    /** The name on the command line ({@code --from NAME}). */
    public String cliName() {
        return cliName;
    }

    /** File extension of shards written in this format (without the dot). */
    public String extension() {
        return extension;
    }

    /** One line describing the format, for help texts. */
    public String description() {
        return description;
    }

    /** Parses a command-line name (case-insensitive; {@code recordio}, {@code protobuf} are accepted aliases). */
    public static Format parse(String name) {
        String n = name.toLowerCase(Locale.ROOT).trim();
        if (n.equals("recordio") || n.equals("protobuf") || n.equals("pbr")) {
            return RECORDIO_PROTOBUF;
        }
        if (n.equals("jsonlines-manifest") || n.equals("augmented-manifest")) {
            return MANIFEST;
        }
        for (Format f : values()) {
            if (f.cliName.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; known: " + names());
    }

    /** Every command-line name, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(Format::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}

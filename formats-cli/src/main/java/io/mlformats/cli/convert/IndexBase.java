package io.mlformats.cli.convert;

/** {@code --index-base}: how sparse indices in the input are numbered. */
public enum IndexBase {
    ZERO, ONE, AUTO
}

package io.mlformats.blazingtext;

import io.mlformats.jsonlines.internal.IntList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The current line of a {@link BlazingTextReader}: token boundaries over the reader's buffer, valid until the
 * reader moves on. Tokens are decoded to strings only when asked ({@link #label(int)}, {@link #word(int)}); the
 * byte ranges ({@link #buffer()}, {@link #wordStart(int)} ...) give zero-copy access. Not thread-safe.
 */
public final class BlazingTextLineView {
    byte[] buffer;
    final IntList labelStarts = new IntList(8);
    final IntList labelEnds = new IntList(8);
    final IntList wordStarts = new IntList(64);
    final IntList wordEnds = new IntList(64);
    int prefixLength;
    int lineStart;

    void clear() {
        labelStarts.clear();
        labelEnds.clear();
        wordStarts.clear();
        wordEnds.clear();
    }

    /**
     * Number of labels on the line.
     *
     * @return the number of label tokens on the current line
     */
    public int labelCount() {
        return labelStarts.size;
    }

    /**
     * Number of words on the line.
     *
     * @return the number of word tokens on the current line
     */
    public int wordCount() {
        return wordStarts.size;
    }

    /**
     * Label {@code i} as written, prefix included ({@code __label__sports}).
     *
     * @param i the label index, from 0 to {@link #labelCount()} - 1
     * @return the full label token as a new String
     */
    public String label(int i) {
        check(i, labelStarts.size);
        return text(labelStarts.data[i], labelEnds.data[i]);
    }

    /**
     * Label {@code i} without the prefix ({@code sports}).
     *
     * @param i the label index, from 0 to {@link #labelCount()} - 1
     * @return the label token with the reader's label prefix removed, as a new String
     */
    public String labelName(int i) {
        check(i, labelStarts.size);
        return text(labelStarts.data[i] + prefixLength, labelEnds.data[i]);
    }

    /**
     * Word {@code i} as a string (allocates; use {@link #wordStart}/{@link #wordEnd} on {@link #buffer()} to avoid
     * it).
     *
     * @param i the word index, from 0 to {@link #wordCount()} - 1
     * @return the word decoded as UTF-8 into a new String
     */
    public String word(int i) {
        check(i, wordStarts.size);
        return text(wordStarts.data[i], wordEnds.data[i]);
    }

    /**
     * Index in {@link #buffer()} of the line's first byte (token offsets minus this = column).
     *
     * @return the offset in {@link #buffer()} where the current line starts
     */
    public int lineStart() {
        return lineStart;
    }

    /**
     * The buffer the token ranges index into.
     *
     * @return the reader's internal buffer, not a copy: valid only until the reader advances; do not modify
     */
    public byte[] buffer() {
        return buffer;
    }

    /**
     * Index in {@link #buffer()} of the first byte of word {@code i}.
     *
     * @param i the word index, from 0 to {@link #wordCount()} - 1
     * @return the inclusive start offset of the word in {@link #buffer()}
     */
    public int wordStart(int i) {
        check(i, wordStarts.size);
        return wordStarts.data[i];
    }

    /**
     * Index in {@link #buffer()} just past word {@code i}.
     *
     * @param i the word index, from 0 to {@link #wordCount()} - 1
     * @return the exclusive end offset of the word in {@link #buffer()}
     */
    public int wordEnd(int i) {
        check(i, wordStarts.size);
        return wordEnds.data[i];
    }

    /**
     * Index in {@link #buffer()} of the first byte of label {@code i} (prefix included).
     *
     * @param i the label index, from 0 to {@link #labelCount()} - 1
     * @return the inclusive start offset of the label token in {@link #buffer()}
     */
    public int labelStart(int i) {
        check(i, labelStarts.size);
        return labelStarts.data[i];
    }

    /**
     * Index in {@link #buffer()} just past label {@code i}.
     *
     * @param i the label index, from 0 to {@link #labelCount()} - 1
     * @return the exclusive end offset of the label token in {@link #buffer()}
     */
    public int labelEnd(int i) {
        check(i, labelStarts.size);
        return labelEnds.data[i];
    }

    /**
     * An owned copy.
     *
     * @return a new line with its own label and word strings, still valid after the reader advances
     */
    public BlazingTextLine copy() {
        List<String> labels = new ArrayList<>(labelCount());
        for (int i = 0; i < labelCount(); i++) {
            labels.add(label(i));
        }
        List<String> words = new ArrayList<>(wordCount());
        for (int i = 0; i < wordCount(); i++) {
            words.add(word(i));
        }
        return new BlazingTextLine(labels, words);
    }

    private String text(int s, int e) {
        return new String(buffer, s, e - s, StandardCharsets.UTF_8);
    }

    private static void check(int i, int n) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(i + " of " + n);
        }
    }

    @Override
    public String toString() {
        return copy().toString();
    }
}

package io.mlformats.core.validate;

import io.mlformats.core.SourcePosition;

/**
 * Answers "will this SageMaker built-in algorithm accept this channel?" for records of type {@code R}, one record
 * at a time, then for the dataset as a whole (rules such as DeepAR's "every series has the same number of
 * {@code cat} values" need all of it).
 *
 * <p>Use: {@link #check} every record with its position (a reader's {@code current()} and {@code position()}),
 * then {@link #finish()}. To validate parts in parallel (files, Spark partitions), give each part its own
 * validator made with the same options, then {@link #merge} them into one before {@code finish()}: the dataset
 * rules see the union of what each part saw. Validators hold only what dataset rules need (counts, category
 * sets), never records. Not thread-safe: one validator per thread.
 *
 * <p>Every format's readers produce the record types the validators take, so a pipeline, a Spark job and the CLI
 * apply the same rules.
 *
 * @param <R> the record (view) type; views are read during {@code check} and not kept
 */
public interface AlgorithmValidator<R> {

    /**
     * The algorithm's SageMaker name, for example {@code "xgboost"} or {@code "deepar"}.
     *
     * @return the name of the algorithm whose rules this validator applies
     */
    String algorithm();

    /**
     * Checks one record: problems go to the report with {@code position}, dataset state is updated.
     *
     * @param record the record to check; read during the call only, not kept
     * @param position where the record is in its input, attached to any problem found
     * @throws IllegalStateException after {@link #finish()}
     */
    void check(R record, SourcePosition position);

    /**
     * Adds what {@code other} saw (its problems, counts and dataset state) to this validator.
     *
     * @param other a validator of the same kind and options that checked another part of the dataset
     * @throws IllegalArgumentException if {@code other} is not a validator of the same kind and options
     * @throws IllegalStateException    if either has finished
     */
    void merge(AlgorithmValidator<R> other);

    /**
     * Applies the dataset-level rules and returns the report. Call once; afterwards the validator takes no more
     * records.
     *
     * @return the report holding every problem found, including the dataset-level ones
     */
    ValidationReport finish();
}

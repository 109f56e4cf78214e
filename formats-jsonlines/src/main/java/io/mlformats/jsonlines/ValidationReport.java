package io.mlformats.jsonlines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The problems a validator found, in the order it found them, plus counts. Built by one validator; read-only
 * afterwards ({@link #problems()} is unmodifiable). Not thread-safe while being built.
 */
public final class ValidationReport {
    private final List<ValidationProblem> problems = new ArrayList<>();
    private long records;

    /** Adds a problem (validators call this). */
    public void add(ValidationProblem p) {
        problems.add(p);
    }

    /** Counts a record looked at (validators call this). */
    public void countRecord() {
        records++;
    }

    /** Records (series, pairs) examined. */
    public long records() {
        return records;
    }

    public List<ValidationProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public long errorCount() {
        return problems.stream().filter(p -> p.severity() == ValidationProblem.Severity.ERROR).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /** Problems with a given code, in order. */
    public List<ValidationProblem> withCode(String code) {
        return problems.stream().filter(p -> p.code().equals(code)).toList();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (ValidationProblem p : problems) {
            sb.append(p).append('\n');
        }
        return sb.append(records).append(" records, ").append(errorCount()).append(" errors, ")
                .append(warningCount()).append(" warnings").toString();
    }
}

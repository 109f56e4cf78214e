package io.mlformats.jsonlines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The problems a validator found, in the order it found them (the first {@link #maxKept()} are kept; the counts
 * go on), plus the number of records examined. Built by one validator, read afterwards; not thread-safe while
 * being built.
 */
public final class ValidationReport {
    private final List<ValidationProblem> problems = new ArrayList<>();
    private final int maxKept;
    private long records;
    private long errors;
    private long warnings;

    public ValidationReport(int maxKept) {
        this.maxKept = maxKept;
    }

    /** Adds a problem (validators call this). */
    public void add(ValidationProblem p) {
        if (p.severity() == ValidationProblem.Severity.ERROR) {
            errors++;
        } else {
            warnings++;
        }
        if (problems.size() < maxKept) {
            problems.add(p);
        }
    }

    /** Counts a record looked at (validators call this). */
    public void countRecord() {
        records++;
    }

    /** Records (series, pairs) examined, valid or not. */
    public long records() {
        return records;
    }

    public int maxKept() {
        return maxKept;
    }

    /** The first {@link #maxKept()} problems. */
    public List<ValidationProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public long errorCount() {
        return errors;
    }

    public long warningCount() {
        return warnings;
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** Kept problems with a given code, in order. */
    public List<ValidationProblem> withCode(String code) {
        return problems.stream().filter(p -> p.code().equals(code)).toList();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (ValidationProblem p : problems) {
            sb.append(p).append('\n');
        }
        return sb.append(records).append(" records, ").append(errors).append(" errors, ").append(warnings)
                .append(" warnings").toString();
    }
}

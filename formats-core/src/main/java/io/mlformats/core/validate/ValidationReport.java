package io.mlformats.core.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The problems a validator found, in the order it found them (the first {@link #maxKept()} are kept; the counts
 * go on), plus the number of records examined. The one report type of every {@link AlgorithmValidator}.
 *
 * <p>Reports of parts of a dataset (files, Spark partitions) combine with {@link #merge(ValidationReport)}.
 * Built by one validator, read afterwards; not thread-safe while being built.
 */
public final class ValidationReport {
    private final List<ValidationProblem> problems = new ArrayList<>();
    private final int maxKept;
    private long records;
    private long errors;
    private long warnings;

    /** An empty report that keeps at most {@code maxKept} problems (counts go on past it). */
    public ValidationReport(int maxKept) {
        if (maxKept < 0) {
            throw new IllegalArgumentException("maxKept must be >= 0: " + maxKept);
        }
        this.maxKept = maxKept;
    }

    /**
     * Adds another report's records, counts and kept problems (after this report's, up to {@link #maxKept()}).
     *
     * @return this report
     */
    public ValidationReport merge(ValidationReport other) {
        records += other.records;
        errors += other.errors;
        warnings += other.warnings;
        for (ValidationProblem p : other.problems) {
            if (problems.size() >= maxKept) {
                break;
            }
            problems.add(p);
        }
        return this;
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

    /**
     * Counts {@code n} problems of a severity whose details were not kept (validators that summarise a dataset
     * rule keep at most {@link #maxKept()} positions per rule and count the rest).
     */
    public void countUnkept(ValidationProblem.Severity severity, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        if (severity == ValidationProblem.Severity.ERROR) {
            errors += n;
        } else {
            warnings += n;
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

    /** How many problems are kept at most. */
    public int maxKept() {
        return maxKept;
    }

    /** The first {@link #maxKept()} problems. */
    public List<ValidationProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Errors found, kept or not. */
    public long errorCount() {
        return errors;
    }

    /** Warnings found, kept or not. */
    public long warningCount() {
        return warnings;
    }

    /** True if any error was found (the dataset would be refused or misread). */
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

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
 *
 * <p>Serializable, so that parts validated elsewhere (Spark tasks, other processes) can be shipped to be merged;
 * the serialized form is for that transfer only, not for storage: read it with the same library version.
 *
 * @serial exclude (a transfer form between parts of one validation, not an archival format)
 */
public final class ValidationReport implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final List<ValidationProblem> problems = new ArrayList<>();
    private final int maxKept;
    private long records;
    private long errors;
    private long warnings;

    /**
     * An empty report that keeps at most {@code maxKept} problems (counts go on past it).
     *
     * @param maxKept how many problems {@link #problems()} keeps, at least 0
     * @throws IllegalArgumentException if {@code maxKept} is negative
     */
    public ValidationReport(int maxKept) {
        if (maxKept < 0) {
            throw new IllegalArgumentException("maxKept must be >= 0: " + maxKept);
        }
        this.maxKept = maxKept;
    }

    /**
     * Adds another report's records, counts and kept problems (after this report's, up to {@link #maxKept()}).
     *
     * @param other the report to add; not modified
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

    /**
     * Adds a problem (validators call this).
     *
     * @param p the problem; counted by its severity and kept while fewer than {@link #maxKept()} are kept
     */
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
     *
     * @param severity whether the problems are errors or warnings
     * @param n how many problems to count, at least 0
     * @throws IllegalArgumentException if {@code n} is negative
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

    /**
     * Records (series, pairs) examined, valid or not.
     *
     * @return the number of records counted with {@link #countRecord()}, including merged reports'
     */
    public long records() {
        return records;
    }

    /**
     * How many problems are kept at most.
     *
     * @return the most problems {@link #problems()} holds
     */
    public int maxKept() {
        return maxKept;
    }

    /**
     * The first {@link #maxKept()} problems.
     *
     * @return an unmodifiable view of the kept problems, in the order found
     */
    public List<ValidationProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /**
     * Errors found, kept or not.
     *
     * @return the number of error-severity problems, including those not kept
     */
    public long errorCount() {
        return errors;
    }

    /**
     * Warnings found, kept or not.
     *
     * @return the number of warning-severity problems, including those not kept
     */
    public long warningCount() {
        return warnings;
    }

    /**
     * True if any error was found (the dataset would be refused or misread).
     *
     * @return {@code true} if {@link #errorCount()} is greater than 0
     */
    public boolean hasErrors() {
        return errors > 0;
    }

    /**
     * Kept problems with a given code, in order.
     *
     * @param code the problem code to match exactly
     * @return a new unmodifiable list of the kept problems whose {@code code()} equals {@code code}
     */
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

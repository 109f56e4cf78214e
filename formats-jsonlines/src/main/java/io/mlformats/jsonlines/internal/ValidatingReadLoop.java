package io.mlformats.jsonlines.internal;

import io.mlformats.core.FormatException;
import io.mlformats.core.InsufficientMemoryException;
import io.mlformats.core.LimitExceededException;
import io.mlformats.core.RecordReader;
import io.mlformats.core.validate.ValidationProblem;
import io.mlformats.core.validate.ValidationProblem.Severity;
import io.mlformats.core.validate.ValidationReport;
import java.io.IOException;
import java.util.List;

/**
 * The read loop the dataset validators share: drains a skip-and-collect reader, turning every collected record
 * error (and a limit violation of the framing, which ends the file) into an ERROR problem of the report, and
 * counting every record, good or skipped, in file order. Stateless.
 */
public final class ValidatingReadLoop {
    /** Receives each good record (the reader's current view) in turn. */
    @FunctionalInterface
    public interface RecordCheck<R> {
        void check(R record);
    }

    private ValidatingReadLoop() {
    }

    /**
     * Reads {@code reader} to its end (the caller closes it).
     *
     * @param defaultCode problem code for errors whose detail does not start with {@code CODE:} (JSON syntax)
     */
    public static <R> void run(RecordReader<R> reader, ValidationReport report, String defaultCode,
                               RecordCheck<R> check) throws IOException {
        int reported = 0;
        long skippedBefore = 0;
        while (true) {
            boolean more;
            try {
                more = reader.next();
            } catch (InsufficientMemoryException e) {
                throw e; // the heap, not the data: no verdict on the file
            } catch (LimitExceededException e) {
                report.add(problem(e, defaultCode));
                break;
            } finally {
                List<FormatException> errors = reader.stats().errors();
                for (; reported < errors.size(); reported++) {
                    report.add(problem(errors.get(reported), defaultCode));
                }
                long skipped = reader.stats().skipped();
                for (long k = skippedBefore; k < skipped; k++) {
                    report.countRecord();
                }
                skippedBefore = skipped;
            }
            if (!more) {
                break;
            }
            report.countRecord();
            check.check(reader.current());
        }
    }

    /** An ERROR problem for a record error: the {@code CODE:} prefix of its detail, else {@code defaultCode}. */
    public static ValidationProblem problem(FormatException e, String defaultCode) {
        String detail = e.detail();
        int colon = detail.indexOf(':');
        boolean coded = colon > 0 && detail.substring(0, colon).matches("[A-Z_0-9]+");
        return new ValidationProblem(coded ? detail.substring(0, colon) : defaultCode, Severity.ERROR,
                e.position(), coded ? detail.substring(colon + 1).trim() : detail);
    }
}

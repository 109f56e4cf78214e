package io.mlformats.cli.handler;

import io.mlformats.cli.Progress;
import io.mlformats.cli.convert.RowSource;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadStats;
import io.mlformats.core.RecordReader;
import io.mlformats.core.vector.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code inspect} learns over the files of an input: feature-row statistics, or a count of records of a
 * format that is not feature rows (series, pairs, ...), plus facts, problems and skipped records. Handlers add
 * to it; the command prints it. Not thread-safe.
 */
public final class Inspection {
    private final RowStats rows = new RowStats();
    private final List<String> facts = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Progress progress;
    private ValueType type;
    private long skipped;
    private long documents = -1;
    private String noun = "series";

    /** An empty inspection reporting progress to {@code progress}. */
    public Inspection(Progress progress) {
        this.progress = progress;
    }

    /** Adds every row of {@code src}: its value type, its facts (from the first file only) and its problems. */
    public void addRows(RowSource src) throws IOException {
        type = src.valueType();
        if (facts.isEmpty()) {
            facts.addAll(src.describe());
        }
        while (src.next()) {
            rows.add(src.current());
            if ((rows.records & 4095) == 0) {
                progress.update(src.bytesRead(), src.bytesTotal(), rows.records);
            }
        }
        collect(src.stats());
    }

    /** Counts every record of {@code r}, called {@code noun} in the summary, and collects its problems. */
    public void addRecords(RecordReader<?> r, String noun) throws IOException {
        this.noun = noun;
        documents = Math.max(documents, 0);
        while (r.next()) {
            documents++;
        }
        collect(r.stats());
    }

    /** Adds a fact line ("DeepAR table: ..."). */
    public void fact(String f) {
        facts.add(f);
    }

    /** Adds a problem line. */
    public void problem(String p) {
        problems.add(p);
    }

    private void collect(ReadStats s) {
        for (FormatException e : s.errors()) {
            problems.add(io.mlformats.cli.Main.inCliWords(e.getMessage()));
        }
        if (s.skipped() > s.errors().size()) {
            problems.add("... and " + (s.skipped() - s.errors().size()) + " more bad record(s)");
        }
        skipped += s.skipped();
    }

    /** Feature-row statistics (empty when the input is not feature rows). */
    public RowStats rows() {
        return rows;
    }

    /** Value type of the last feature-row file, or null. */
    public ValueType type() {
        return type;
    }

    /** Format-specific facts, one per line. */
    public List<String> facts() {
        return facts;
    }

    /** Problems found, one per line. */
    public List<String> problems() {
        return problems;
    }

    /** Bad records skipped. */
    public long skipped() {
        return skipped;
    }

    /** Records counted by {@link #addRecords}, or -1 if the input is feature rows. */
    public long documents() {
        return documents;
    }

    /** What a counted record is called. */
    public String noun() {
        return noun;
    }
}

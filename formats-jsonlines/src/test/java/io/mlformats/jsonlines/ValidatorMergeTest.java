package io.mlformats.jsonlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextValidator;
import io.mlformats.core.validate.ValidationProblem;
import io.mlformats.core.validate.ValidationReport;
import io.mlformats.object2vec.Object2VecHyperparameters;
import io.mlformats.object2vec.Object2VecReadOptions;
import io.mlformats.object2vec.Object2VecValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Object2Vec and BlazingText validators: two parts validated separately and merged give the whole's report. */
class ValidatorMergeTest {

    private static Path write(Path dir, String name, List<String> lines, int from, int to) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, lines.subList(from, to), StandardCharsets.UTF_8);
        return f;
    }

    private static Map<String, Integer> codes(ValidationReport r) {
        Map<String, Integer> m = new TreeMap<>();
        for (ValidationProblem p : r.problems()) {
            m.merge(p.code() + "/" + p.severity(), 1, Integer::sum);
        }
        return m;
    }

    private static void assertSameReport(ValidationReport expected, ValidationReport got, String what) {
        assertEquals(expected.records(), got.records(), what);
        assertEquals(expected.errorCount(), got.errorCount(), what);
        assertEquals(expected.warningCount(), got.warningCount(), what);
        assertEquals(codes(expected), codes(got), what);
    }

    @Test
    void object2Vec(@TempDir Path dir) throws IOException {
        List<String> lines = List.of(
                "{\"label\": 1, \"in0\": [1, 2, 3, 4, 5], \"in1\": [3]}",
                "{\"label\": 7, \"in0\": [1], \"in1\": [3]}",
                "{\"label\": 0, \"in0\": [], \"in1\": [3]}",
                "{\"label\": 0, \"in0\": [2, 9], \"in1\": [30]}",
                "{\"in0\": [1], \"in1\": [3]}",
                "not json");
        Object2VecHyperparameters hp = new Object2VecHyperparameters(0, 0, 3, 3, 2);
        Object2VecReadOptions o = Object2VecReadOptions.training(hp);
        Object2VecValidator whole = new Object2VecValidator(o, 100);
        whole.add(write(dir, "all", lines, 0, lines.size()));
        ValidationReport expected = whole.finish();
        assertEquals(6, expected.records());
        assertEquals(4, expected.errorCount(), expected.toString());
        assertEquals(1, expected.warningCount(), expected.toString());
        for (int cut = 1; cut < lines.size(); cut++) {
            Object2VecValidator a = new Object2VecValidator(o, 100);
            Object2VecValidator b = new Object2VecValidator(o, 100);
            a.add(write(dir, "a" + cut, lines, 0, cut));
            b.add(write(dir, "b" + cut, lines, cut, lines.size()));
            a.merge(b);
            assertEquals(whole.maxTokenId(0), a.maxTokenId(0));
            assertEquals(whole.maxTokenId(1), a.maxTokenId(1));
            assertSameReport(expected, a.finish(), "cut " + cut);
        }
        assertEquals(9, whole.maxTokenId(0));
        assertEquals(30, whole.maxTokenId(1));
        assertThrows(IllegalStateException.class, () -> whole.merge(new Object2VecValidator(o, 1)));
    }

    @Test
    void blazingText(@TempDir Path dir) throws IOException {
        List<String> lines = List.of(
                "__label__a some words here",
                "no label at all",
                "__label__b",
                "__label__a __label__c more words",
                "",
                "__label__z z");
        BlazingTextReadOptions o = BlazingTextReadOptions.supervised();
        BlazingTextValidator whole = new BlazingTextValidator(o, 100);
        whole.add(write(dir, "all", lines, 0, lines.size()));
        ValidationReport expected = whole.finish();
        assertEquals(6, expected.records());
        assertEquals(2, expected.withCode(BlazingTextValidator.MISSING_LABEL).size(), expected.toString());
        assertEquals(1, expected.withCode(BlazingTextValidator.NO_WORDS).size(), expected.toString());
        for (int cut = 1; cut < lines.size(); cut++) {
            BlazingTextValidator a = new BlazingTextValidator(o, 100);
            BlazingTextValidator b = new BlazingTextValidator(o, 100);
            a.add(write(dir, "a" + cut, lines, 0, cut));
            b.add(write(dir, "b" + cut, lines, cut, lines.size()));
            a.merge(b);
            assertSameReport(expected, a.finish(), "cut " + cut);
        }
        assertEquals("blazingtext", whole.algorithm());
    }
}

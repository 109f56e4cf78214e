package io.mlformats.jsonlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.blazingtext.BlazingTextReadOptions;
import io.mlformats.blazingtext.BlazingTextReader;
import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteRange;
import io.mlformats.core.ByteSources;
import io.mlformats.core.RecordReader;
import io.mlformats.core.SeekableInput;
import io.mlformats.deepar.DeepArForecastReadOptions;
import io.mlformats.deepar.DeepArForecastReader;
import io.mlformats.deepar.DeepArReadOptions;
import io.mlformats.deepar.DeepArReader;
import io.mlformats.manifest.AugmentedManifestReader;
import io.mlformats.manifest.ManifestReadOptions;
import io.mlformats.object2vec.Object2VecReadOptions;
import io.mlformats.object2vec.Object2VecReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader shape of docs/API.md for every reader of this module: {@code current()} before the first record and
 * after the end throws {@link IllegalStateException}; a caller's {@link ByteInput} is never closed; ranges of a
 * {@link SeekableInput} that tile it read every record exactly once, with offsets in the whole input.
 */
class ReaderShapeTest {

    /** Opens one reader kind over an input or over a range of a seekable input. */
    interface Opener {
        RecordReader<?> open(ByteInput in) throws IOException;

        RecordReader<?> open(SeekableInput in, ByteRange range) throws IOException;
    }

    static Arguments reader(String name, String line, Opener opener) {
        return Arguments.of(name, line, opener);
    }

    static Stream<Arguments> readers() {
        return Stream.of(
                reader("DeepArReader", "{\"start\": \"2024-01-01 00:00:00\", \"target\": [1, 2.5]}", new Opener() {
                    public RecordReader<?> open(ByteInput in) {
                        return DeepArReader.open(in, DeepArReadOptions.defaults());
                    }

                    public RecordReader<?> open(SeekableInput in, ByteRange r) throws IOException {
                        return DeepArReader.open(in, r, DeepArReadOptions.defaults());
                    }
                }),
                reader("DeepArForecastReader", "{\"mean\": [1.5, 2.5]}", new Opener() {
                    public RecordReader<?> open(ByteInput in) {
                        return DeepArForecastReader.open(in, DeepArForecastReadOptions.defaults());
                    }

                    public RecordReader<?> open(SeekableInput in, ByteRange r) throws IOException {
                        return DeepArForecastReader.open(in, r, DeepArForecastReadOptions.defaults());
                    }
                }),
                reader("Object2VecReader", "{\"label\": 1, \"in0\": [1, 2], \"in1\": [3]}", new Opener() {
                    public RecordReader<?> open(ByteInput in) {
                        return Object2VecReader.open(in, Object2VecReadOptions.defaults());
                    }

                    public RecordReader<?> open(SeekableInput in, ByteRange r) throws IOException {
                        return Object2VecReader.open(in, r, Object2VecReadOptions.defaults());
                    }
                }),
                reader("BlazingTextReader", "__label__a hello world", new Opener() {
                    public RecordReader<?> open(ByteInput in) {
                        return BlazingTextReader.open(in, BlazingTextReadOptions.defaults());
                    }

                    public RecordReader<?> open(SeekableInput in, ByteRange r) throws IOException {
                        return BlazingTextReader.open(in, r, BlazingTextReadOptions.defaults());
                    }
                }),
                reader("AugmentedManifestReader", "{\"source-ref\": \"s3://b/x.jpg\"}", new Opener() {
                    public RecordReader<?> open(ByteInput in) {
                        return AugmentedManifestReader.open(in, ManifestReadOptions.defaults());
                    }

                    public RecordReader<?> open(SeekableInput in, ByteRange r) throws IOException {
                        return AugmentedManifestReader.open(in, r, ManifestReadOptions.defaults());
                    }
                }));
    }

    /** A stream that records whether it was closed. */
    static final class Tracked extends ByteArrayInputStream {
        boolean closed;

        Tracked(byte[] b) {
            super(b);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static byte[] lines(String line, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(line).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void currentBeforeNextAndAfterEndThrows(String name, String line, Opener opener) throws IOException {
        Tracked stream = new Tracked(lines(line, 2));
        ByteInput in = ByteSources.stream(stream);
        try (RecordReader<?> r = opener.open(in)) {
            assertThrows(IllegalStateException.class, r::current, name + " before next()");
            assertTrue(r.next());
            assertTrue(r.current() != null);
            assertTrue(r.next());
            assertFalse(r.next());
            assertThrows(IllegalStateException.class, r::current, name + " after the end");
        }
        assertFalse(stream.closed, name + " closed the caller's input");
        in.close();
        assertTrue(stream.closed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void rangesThatTileTheInputReadEveryRecordOnce(String name, String line, Opener opener) throws IOException {
        int n = 7;
        byte[] bytes = lines(line, n);
        try (SeekableInput in = ByteSources.seekable(bytes, "tiles")) {
            for (int cut = 0; cut <= bytes.length; cut++) {
                List<Long> offsets = new ArrayList<>();
                for (ByteRange r : List.of(ByteRange.of(0, cut), ByteRange.of(cut, Long.MAX_VALUE))) {
                    try (RecordReader<?> reader = opener.open(in, r)) {
                        while (reader.next()) {
                            offsets.add(reader.position().byteOffset());
                        }
                    }
                }
                List<Long> expected = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    expected.add((long) i * (line.length() + 1));
                }
                assertEquals(expected, offsets, name + " cut at " + cut);
            }
        }
    }

    /** A broken line inside a range is reported at its offset in the whole input, for every reader. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void aBrokenLineInARangeIsReportedAtItsFileOffset(String name, String line, Opener opener) throws IOException {
        // Truncated JSON, then a byte that is never UTF-8 (what BlazingText's plain text refuses).
        byte[] broken = "{\"oops\": [1, 2 \u0000".getBytes(StandardCharsets.UTF_8);
        broken[broken.length - 1] = (byte) 0xff;
        byte[] good = (line + "\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.writeBytes(good);
        all.writeBytes(good);
        all.writeBytes(broken);
        all.write('\n');
        all.writeBytes(good);
        byte[] bytes = all.toByteArray();
        long brokenAt = 2L * good.length;
        try (SeekableInput in = ByteSources.seekable(bytes, "part-7");
             RecordReader<?> reader = opener.open(in, ByteRange.of(good.length, bytes.length))) {
            assertTrue(reader.next(), name);
            io.mlformats.core.FormatException e = assertThrows(io.mlformats.core.FormatException.class, reader::next,
                    name);
            assertTrue(e.position().byteOffset() >= brokenAt && e.position().byteOffset() <= brokenAt + broken.length,
                    name + ": " + e.getMessage());
            assertEquals("part-7", e.position().source(), name);
            assertEquals(2, e.position().line(), name + ": lines count from the range's first line: " + e.getMessage());
        }
    }
}

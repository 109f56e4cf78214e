package io.mlformats.cli.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.cli.Algorithm;
import io.mlformats.cli.Format;
import io.mlformats.cli.UserException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandlersTest {

    private static Handlers.Detection detect(String text) throws UserException {
        return Handlers.detect(text.getBytes(StandardCharsets.UTF_8), "in");
    }

    /** A RecordIO record whose payload is {@code payload}. */
    private static byte[] recordIo(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length + 3).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xced7230a).putInt(payload.length).put(payload);
        return b.array();
    }

    @Test
    void everyFormatHasExactlyOneHandlerInTheTable() {
        Set<Format> seen = new HashSet<>();
        for (FormatHandler h : Handlers.all()) {
            assertTrue(seen.add(h.format()), "two handlers for " + h.format());
            assertSame(h, Handlers.of(h.format()));
        }
        assertEquals(Set.of(Format.values()), seen);
        for (Algorithm a : Algorithm.values()) {
            assertFalse(Handlers.accepting(a).isEmpty(), a + " is validated for no format");
            for (Format f : Handlers.accepting(a)) {
                assertTrue(a.tabular() == null || Handlers.of(f).tabular(),
                        a + " on " + f + ": feature-row algorithms are validated on feature-row formats");
            }
        }
    }

    @Test
    void textFormatsAreRecognisedByTheirFirstDecisiveLine() throws UserException {
        assertEquals(new Handlers.Detection(Format.LIBSVM, "idx:val token '3:1'"), detect("# c\n\n1 3:1 5:2\n"));
        assertEquals(new Handlers.Detection(Format.LIBSVM, "idx:val token 'qid:4'"), detect("1 qid:4 2:1\n"));
        assertEquals(new Handlers.Detection(Format.BLAZINGTEXT, "__label__ token"),
                detect("__label__a 3:1 words\n"));
        assertEquals(Format.LIBSVM, detect("2 3:1 __label__a\n").format(), "the first token decides");
        assertEquals(new Handlers.Detection(Format.CSV, "comma-separated values"), detect("1,0.5,2\n0,,1\n"));
        assertEquals(Format.LIBSVM, detect("1,2\n1 4:2\n").format(), "a later idx:val line beats earlier commas");
        assertEquals(new Handlers.Detection(Format.DEEPAR, "JSON with start and target keys"),
                detect("\ufeff{\"start\": \"2020-01-01\", \"target\": [1]}\n"));
        assertEquals(new Handlers.Detection(Format.OBJECT2VEC, "JSON with in0 and in1 keys"),
                detect("{\"label\": 1, \"in0\": [1], \"in1\": [2]}\n"));
        assertEquals(new Handlers.Detection(Format.MANIFEST, "JSON with a source key"),
                detect("{\"source-ref\": \"s3://b/k.jpg\", \"class\": 1}\n"));
        assertEquals(new Handlers.Detection(Format.MANIFEST, "JSON Lines (generic)"), detect("{\"a\": 1}\n"));
    }

    @Test
    void binaryFormatsAreRecognisedByMagic() throws UserException {
        assertEquals(new Handlers.Detection(Format.PARQUET, "PAR1 magic"), detect("PAR1 whatever"));
        byte[] header = new byte[24]; // flag 0, label 0, id 0, id2 0
        byte[] jpeg = ByteBuffer.allocate(28).put(header).put(new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2}).array();
        assertEquals(new Handlers.Detection(Format.IMAGE_RECORD, "RecordIO magic, image header + JPEG"),
                Handlers.detect(recordIo(jpeg), "in"));
        byte[] png = ByteBuffer.allocate(28).put(header).put(new byte[] {(byte) 0x89, 'P', 'N', 'G'}).array();
        assertEquals("RecordIO magic, image header + PNG", Handlers.detect(recordIo(png), "in").reason());
        byte[] protobuf = new byte[28];
        protobuf[0] = 0x0a; // a protobuf field tag, not an image
        assertEquals(new Handlers.Detection(Format.RECORDIO_PROTOBUF, "RecordIO magic"),
                Handlers.detect(recordIo(protobuf), "in"));
    }

    @Test
    void undetectableInputsAreUsageErrors() {
        UserException empty = assertThrows(UserException.class, () -> detect(""));
        assertEquals("in: empty input; cannot detect its format (give --from FORMAT)", empty.getMessage());
        // issue 16, item 7: "empty input" is said of empty input only
        UserException comments = assertThrows(UserException.class, () -> detect("\n# only a comment\n"));
        assertEquals("in: cannot detect the format: the first 18 byte(s) hold only blank or # comment lines; give "
                + "--from FORMAT (" + Format.names() + ")", comments.getMessage());
        UserException words = assertThrows(UserException.class, () -> detect("hello world\n"));
        assertTrue(words.getMessage().startsWith("in: cannot detect the format from content"), words.getMessage());
        assertNull(Handlers.of(Format.CSV).recognise(Sniff.of("{\"a\": 1,}\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void conversionsAreRowsBetweenTabularFormatsOrDeclaredByAHandler() throws UserException {
        for (Format a : Format.values()) {
            for (Format b : Format.values()) {
                if (Handlers.of(a).tabular() && Handlers.of(b).tabular()) {
                    assertTrue(Handlers.conversion(a, b).rows(), a + " -> " + b);
                }
            }
        }
        Handlers.Conversion d = Handlers.conversion(Format.PARQUET, Format.DEEPAR);
        assertFalse(d.rows());
        assertEquals(Format.PARQUET, d.document().from());
        assertEquals(Format.MANIFEST, Handlers.conversion(Format.BLAZINGTEXT, Format.MANIFEST).document().to());
        UserException e = assertThrows(UserException.class,
                () -> Handlers.conversion(Format.PARQUET, Format.OBJECT2VEC));
        assertEquals("no conversion from parquet to object2vec; supported: between libsvm, csv, recordio-protobuf "
                + "and parquet; deepar <-> parquet; blazingtext <-> manifest", e.getMessage());
    }

    @Test
    void algorithmsAcceptTheFormatsTheirHandlersDeclare() {
        assertEquals("[libsvm, csv, recordio-protobuf, parquet]", Handlers.accepting(Algorithm.XGBOOST).toString());
        assertEquals("[recordio-protobuf]", Handlers.accepting(Algorithm.FACTORIZATION_MACHINES).toString());
        assertEquals("[csv, recordio-protobuf]", Handlers.accepting(Algorithm.PCA).toString());
        assertEquals("[parquet, deepar]", Handlers.accepting(Algorithm.DEEPAR).toString());
        assertEquals("[image-record, manifest]", Handlers.accepting(Algorithm.IMAGE_CLASSIFICATION).toString());
    }
}

package io.mlformats.libsvm;

import io.mlformats.testkit.Golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteInput;
import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadLimits;
import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.testkit.AdversarialInputs;
import io.mlformats.testkit.Seeds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same rows, positions and errors whatever shape the bytes arrive in. */
class LibSvmAdversarialSourcesTest {
    @TempDir
    Path dir;

    private static List<byte[]> samples() {
        List<byte[]> s = new ArrayList<>();
        s.add(Golden.bytes("libsvm/peer/sklearn/svmlight_classification.txt"));
        s.add(Golden.bytes("libsvm/probes/p02_crlf.txt"));
        s.add(Golden.bytes("libsvm/probes/p03_comments_blank.txt"));
        s.add(Golden.bytes("libsvm/probes/p20_non_numeric_label.txt"));
        s.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '1', ' ', '0', ':', '2', '\r', '\n', '0'});
        SplittableRandom r = Seeds.forCase(Seeds.base(), 7);
        s.add(RandomLibSvm.messyText(r, 30));
        s.add(RandomLibSvm.damaged(r, RandomLibSvm.messyText(r, 10)));
        return s;
    }

    private static String read(ByteInput in, LibSvmReadOptions o) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (LibSvmReader r = LibSvmReader.open(in, o)) {
            while (r.next()) {
                sb.append(r.current()).append(" @").append(r.position()).append('\n');
            }
            sb.append(r.stats()).append(r.stats().errors());
        } catch (FormatException e) {
            sb.append("ERROR ").append(e.getMessage());
        }
        return sb.toString().replace("<stream>", "<bytes>");
    }

    private static ByteInput stream(InputStream in) throws IOException {
        return ByteSources.stream(in, ByteSources.BYTES, ReadLimits.defaults());
    }

    @Test
    void sameResultForEveryShapeOfInput() throws IOException {
        for (byte[] data : samples()) {
            for (LibSvmReadOptions o : List.of(LibSvmReadOptions.defaults(), LibSvmReadOptions.defaults()
                    .withErrorPolicy(io.mlformats.core.ErrorPolicy.SKIP_AND_COLLECT)
                    .withMode(io.mlformats.core.ReadMode.LENIENT))) {
                String expected = read(ByteSources.of(data).input(), o);
                assertEquals(expected, read(stream(AdversarialInputs.oneBytePerRead(data)), o), "one byte per read");
                for (int split = 0; split <= data.length; split++) {
                    assertEquals(expected, read(stream(AdversarialInputs.splitAt(data, split)), o), "split " + split);
                }
                assertEquals(expected, read(stream(new java.io.ByteArrayInputStream(AdversarialInputs.gzip(data))), o),
                        "gzip");
                assertEquals(expected, read(stream(new java.io.ByteArrayInputStream(
                        AdversarialInputs.gzipMembers(data, 3))), o), "gzip members");
                assertEquals(expected, read(ByteSources.of(AdversarialInputs.direct(data), "<bytes>").input(), o),
                        "direct buffer");
                Path f = AdversarialInputs.file(dir, "f.svm", data);
                assertEquals(expected, read(ByteSources.open(f), o).replace(f.toString(), "<bytes>"), "mapped file");
            }
        }
    }

    @Test
    void commonLinePathAgreesWithTheGeneralParser() throws IOException {
        // Over bytes in memory most lines take the one-pass path that finds its own line end; one byte per read,
        // no line is ever whole in the window, so every line takes the scanner and the general parser. Rows,
        // positions, warnings and error messages must not tell the two apart, valid input or damaged, in every
        // mode and with declared widths and bases that make some lines fail.
        long base = Seeds.base();
        List<LibSvmReadOptions> options = List.of(LibSvmReadOptions.defaults(),
                LibSvmReadOptions.defaults().withErrorPolicy(io.mlformats.core.ErrorPolicy.SKIP_AND_COLLECT),
                LibSvmReadOptions.defaults().withErrorPolicy(io.mlformats.core.ErrorPolicy.SKIP_AND_COLLECT)
                        .withMode(io.mlformats.core.ReadMode.LENIENT).withNumFeatures(40),
                LibSvmReadOptions.defaults().withErrorPolicy(io.mlformats.core.ErrorPolicy.SKIP_AND_COLLECT)
                        .withIndexBase(IndexBase.ONE).withValueType(io.mlformats.core.vector.ValueType.FLOAT64));
        for (int i = 0; i < 400; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            byte[] data = switch (i % 4) {
                case 0 -> RandomLibSvm.commonLines(r, 12);
                case 1 -> RandomLibSvm.messyText(r, 12);
                case 2 -> RandomLibSvm.damaged(r, RandomLibSvm.commonLines(r, 12));
                default -> RandomLibSvm.randomBytes(r, 200);
            };
            for (LibSvmReadOptions o : options) {
                assertEquals(read(stream(AdversarialInputs.oneBytePerRead(data)), o),
                        read(ByteSources.of(data).input(), o), Seeds.describe(base, i) + " " + o);
            }
        }
    }

    @Test
    void tinyWindowOverLongLinesAndLoaderOverEveryShape() throws IOException {
        byte[] data = RandomLibSvm.messyText(Seeds.forCase(Seeds.base(), 3), 200);
        CsrMatrix expected = LibSvmLoader.load(data, LibSvmReadOptions.defaults());
        assertTrue(expected.numRows() > 100);
        assertEquals(expected, new LibSvmLoader(LibSvmReadOptions.defaults())
                .load(stream(AdversarialInputs.chunked(data, 7))));
        assertEquals(expected, LibSvmLoader.load(AdversarialInputs.gzip(data), LibSvmReadOptions.defaults()));
        Path f = AdversarialInputs.file(dir, "g.svm.gz", AdversarialInputs.gzipMembers(data, 4));
        assertEquals(expected, LibSvmLoader.load(f, LibSvmReadOptions.defaults()));
        assertEquals(expected, LibSvmLoader.loadParallel(f, LibSvmReadOptions.defaults(), 3));
        Path plain = AdversarialInputs.file(dir, "g.svm", data);
        assertEquals(expected, LibSvmLoader.loadParallel(plain, LibSvmReadOptions.defaults(), 3));
    }
}

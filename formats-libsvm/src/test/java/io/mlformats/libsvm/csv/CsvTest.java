package io.mlformats.libsvm.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadMode;
import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.core.vector.ValueType;
import io.mlformats.core.ByteSources;
import io.mlformats.libsvm.LibSvmRow;
import io.mlformats.testkit.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static CsvReader reader(byte[] data, CsvReadOptions o) throws IOException {
        return CsvReader.open(ByteSources.input(ByteSources.of(data), o.read().limits()), o);
    }

    private static CsvWriteOptions writeOptions(CsvReadOptions o) {
        return new CsvWriteOptions(o.hasLabel(), o.hasWeight(), o.delimiter(), o.numFeatures(), false);
    }

    private static List<LibSvmRow> read(byte[] data, CsvReadOptions o) throws IOException {
        List<LibSvmRow> rows = new ArrayList<>();
        try (CsvReader r = reader(data, o)) {
            while (r.next()) {
                rows.add(r.current().copy());
            }
        }
        return rows;
    }

    private static byte[] write(List<LibSvmRow> rows, CsvReadOptions o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter w = CsvWriter.open(out, writeOptions(o))) {
            for (LibSvmRow r : rows) {
                w.write(r);
            }
            w.commit();
        }
        return out.toByteArray();
    }

    @Test
    void xgboostConventions() throws IOException {
        CsvReadOptions o = CsvReadOptions.defaults().withWeight(true).withValueType(ValueType.FLOAT64);
        List<LibSvmRow> rows = read(b("1,0.5,+2,,nan,.5,1e-3\r\n\n0,2,0,NaN,3,-1,\n"), o);
        assertEquals(2, rows.size());
        LibSvmRow r0 = rows.get(0);
        assertEquals(1.0, r0.label());
        assertEquals(0.5, r0.weight());
        assertEquals(5, r0.features().dimension());
        assertEquals(3, r0.nnz()); // columns 1 and 2 are missing
        assertEquals(0, r0.features().index(0));
        assertEquals(2.0, r0.features().value(0));
        assertEquals(4, r0.features().index(2));
        assertEquals(0.0, rows.get(1).features().value(0)); // a zero is a value, not missing
        assertEquals("1,0.5,2,,,0.5,0.001\n0,2,0,,3,-1,\n", new String(write(rows, o), StandardCharsets.US_ASCII));
    }

    @Test
    void headerAndOtherErrors() throws IOException {
        FormatException h = assertThrows(FormatException.class, () -> read(b("label,f1\n1,2\n"), CsvReadOptions.defaults()));
        assertTrue(h.detail().contains("looks like a header"), h.getMessage());
        assertEquals(1, h.position().line());
        assertEquals(1, read(b("label,f1\n1,2\n"), CsvReadOptions.defaults().withSkipHeader(true)).size());
        FormatException w = assertThrows(FormatException.class, () -> read(b("1,2\n1,2,3\n"), CsvReadOptions.defaults()));
        assertEquals("expected 1 feature columns, found 2", w.detail());
        assertEquals(2, w.position().line());
        assertTrue(assertThrows(FormatException.class, () -> read(b("1,inf\n"), CsvReadOptions.defaults())).detail()
                .contains("non-finite"));
        assertEquals(Float.POSITIVE_INFINITY, read(b("1, inf\n"), CsvReadOptions.defaults().withMode(ReadMode.LENIENT))
                .get(0).features().floatValues()[0]);
        assertTrue(assertThrows(FormatException.class, () -> read(b(",1\n"), CsvReadOptions.defaults())).detail()
                .contains("missing label"));
        assertTrue(assertThrows(FormatException.class, () -> read(b("1,2\n1,\"2\"\n"), CsvReadOptions.defaults())).detail()
                .contains("'\"2\"'"));
        CsrMatrix m = reader(b("1,2,3\n0,,1\n"), CsvReadOptions.defaults()).readAll();
        assertEquals(2, m.numCols());
        assertEquals(3, m.nnz());
    }

    @Test
    void roundTripSeeded() throws IOException {
        long base = Seeds.base();
        for (int i = 0; i < 2000; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            roundTrip(randomRows(r), Seeds.describe(base, i));
        }
    }

    private static Shape randomRows(SplittableRandom r) {
        ValueType t = r.nextBoolean() ? ValueType.FLOAT32 : ValueType.FLOAT64;
        boolean label = r.nextInt(4) != 0;
        boolean weight = label && r.nextBoolean();
        int width = r.nextInt(label ? 0 : 1, 8);
        List<LibSvmRow> rows = new ArrayList<>();
        for (int n = r.nextInt(0, 10); n > 0; n--) {
            LibSvmRow row = new LibSvmRow(t);
            if (label) {
                row.setLabel(r.nextInt(3) == 0 ? r.nextInt(3) : r.nextGaussian() * 1e3);
            }
            if (weight) {
                row.setWeight(Double.longBitsToDouble(r.nextLong() >>> 2));
            }
            boolean wroteAny = label;
            for (int c = 0; c < width; c++) {
                if (r.nextInt(3) != 0 || (!wroteAny && c == width - 1)) {
                    float f;
                    do {
                        f = Float.intBitsToFloat(r.nextInt());
                    } while (!Float.isFinite(f));
                    if (t == ValueType.FLOAT32) {
                        row.features().append(c, f);
                    } else {
                        row.features().append(c, r.nextBoolean() ? f : r.nextGaussian());
                    }
                    wroteAny = true;
                }
            }
            row.features().setDimension(width);
            rows.add(row);
        }
        CsvReadOptions o = CsvReadOptions.defaults().withLabel(label).withWeight(weight).withValueType(t)
                .withNumFeatures(width).withDelimiter(r.nextBoolean() ? ',' : '\t');
        return new Shape(rows, o);
    }

    private record Shape(List<LibSvmRow> rows, CsvReadOptions options) {
    }

    private static void roundTrip(Shape s, String what) throws IOException {
        byte[] text = write(s.rows(), s.options());
        assertEquals(s.rows(), read(text, s.options()), () -> what + "\n" + new String(text,
                StandardCharsets.US_ASCII));
    }

    @Test
    void arbitraryBytesOnlyFormatException() {
        long base = Seeds.base();
        for (int i = 0; i < 2000; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            byte[] data = new byte[r.nextInt(80)];
            for (int k = 0; k < data.length; k++) {
                data[k] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : (byte) "0123,\n.e-naif\" \t".charAt(r.nextInt(16));
            }
            arbitrary(data, r.nextBoolean(), r.nextBoolean(), r.nextBoolean());
        }
    }

    private static void arbitrary(byte[] data, boolean lenient, boolean skip, boolean weight) {
        CsvReadOptions o = CsvReadOptions.defaults().withWeight(weight).withMode(lenient ? ReadMode.LENIENT : ReadMode.STRICT)
                .withRead(CsvReadOptions.defaults().read().withMode(lenient ? ReadMode.LENIENT : ReadMode.STRICT)
                        .withErrorPolicy(skip ? ErrorPolicy.SKIP_AND_COLLECT : ErrorPolicy.FAIL_FAST));
        try (CsvReader r = reader(data, o)) {
            while (r.next()) {
                assertFalse(r.current().nnz() > r.numFeatures());
            }
        } catch (FormatException expected) {
            // the only exception allowed
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @FuzzTest
    void fuzzArbitraryBytes(FuzzedDataProvider d) {
        arbitrary(d.consumeBytes(200), d.consumeBoolean(), d.consumeBoolean(), d.consumeBoolean());
    }

    @FuzzTest
    void fuzzRoundTrip(FuzzedDataProvider d) throws IOException {
        roundTrip(randomRows(new SplittableRandom(d.consumeLong())), "fuzz");
    }
}

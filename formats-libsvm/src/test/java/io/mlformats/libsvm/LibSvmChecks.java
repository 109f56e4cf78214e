package io.mlformats.libsvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.FormatException;
import io.mlformats.core.ReadMode;
import io.mlformats.core.vector.CsrMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The checks shared by the seeded property tests and the Jazzer targets. */
final class LibSvmChecks {
    private LibSvmChecks() {
    }

    static byte[] write(List<LibSvmRow> rows, LibSvmWriteOptions w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LibSvmWriter writer = LibSvmWriter.open(out, w)) {
            for (LibSvmRow row : rows) {
                writer.write(row);
            }
            writer.commit();
        }
        return out.toByteArray();
    }

    static List<LibSvmRow> readRows(byte[] data, LibSvmReadOptions o) throws IOException {
        List<LibSvmRow> rows = new ArrayList<>();
        try (LibSvmReader r = TestRows.reader(data, o)) {
            while (r.next()) {
                rows.add(r.current().copy());
            }
        }
        return rows;
    }

    /** Write then read gives the same rows bit for bit, streaming and through the loader and the matrix writer. */
    static void roundTrip(List<LibSvmRow> rows, RandomLibSvm.Shape s, String what) throws IOException {
        byte[] text = write(rows, s.writeOptions());
        List<LibSvmRow> back = readRows(text, s.readOptions());
        assertEquals(rows, back, () -> what + "\n" + new String(text, java.nio.charset.StandardCharsets.US_ASCII));
        CsrMatrix m = LibSvmLoader.load(text, s.readOptions());
        assertEquals(rows.size(), m.numRows(), what);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        try (LibSvmWriter w = LibSvmWriter.open(again, s.writeOptions())) {
            w.write(m);
            w.commit();
        }
        assertEquals(m, LibSvmLoader.load(again.toByteArray(), s.readOptions()), what);
    }

    /** A textual summary of everything a read produces, for comparing readers and sources. */
    static String outcome(byte[] data, LibSvmReadOptions o) {
        return outcome(() -> TestRows.reader(data, o));
    }

    static String outcomeOneBytePerRead(byte[] data, LibSvmReadOptions o) {
        return outcome(() -> LibSvmReader.open(io.mlformats.core.ByteSources.stream(
                io.mlformats.testkit.AdversarialInputs.oneBytePerRead(data), io.mlformats.core.ByteSources.BYTES,
                o.read().limits()), o));
    }

    private interface ReaderOpener {
        LibSvmReader open() throws IOException;
    }

    /** Every row with its position, then the stats and kept errors, or the error that stopped the read. */
    private static String outcome(ReaderOpener opener) {
        StringBuilder sb = new StringBuilder();
        try (LibSvmReader r = opener.open()) {
            while (r.next()) {
                sb.append(r.current()).append(" @").append(r.position()).append('\n');
            }
            sb.append(r.stats()).append(r.stats().errors());
        } catch (FormatException e) {
            sb.append("ERROR ").append(e.getMessage());
        } catch (IOException e) {
            throw new AssertionError("not a FormatException", e);
        }
        return sb.toString();
    }

    static LibSvmReadOptions randomOptions(SplittableRandom r) {
        return LibSvmReadOptions.defaults().withIndexBase(IndexBase.values()[r.nextInt(3)])
                .withMode(r.nextBoolean() ? ReadMode.STRICT : ReadMode.LENIENT)
                .withErrorPolicy(r.nextBoolean() ? ErrorPolicy.FAIL_FAST : ErrorPolicy.SKIP_AND_COLLECT)
                .withMultiLabel(r.nextInt(4) == 0).withNumFeatures(r.nextInt(4) == 0 ? r.nextInt(30) : -1);
    }

    /**
     * Arbitrary bytes: streaming, loading and the parallel load throw nothing but FormatException, and the
     * loads agree with each other.
     */
    static void arbitraryInput(byte[] data, LibSvmReadOptions o, int threads) {
        String streamed = outcome(data, o);
        if (o.indexBase() != IndexBase.AUTO) {
            // In memory most lines take the one-pass path; one byte per read, every line takes the general one.
            assertEquals(streamed, outcomeOneBytePerRead(data, o), "one-pass lines vs the general parser");
        }
        String seq;
        try {
            seq = LibSvmLoader.load(data, o).toString() + matrixText(LibSvmLoader.load(data, o));
        } catch (FormatException e) {
            seq = "ERROR " + e.getMessage();
        } catch (IOException e) {
            throw new AssertionError("not a FormatException", e);
        }
        String par;
        try {
            par = new LibSvmLoader(o).loadParallel(ByteSources.of(data), threads).toString()
                    + matrixText(new LibSvmLoader(o).loadParallel(ByteSources.of(data), threads));
        } catch (FormatException e) {
            par = "ERROR " + e.getMessage();
        } catch (IOException e) {
            throw new AssertionError("not a FormatException", e);
        }
        assertEquals(seq, par, "parallel (" + threads + " threads) vs sequential");
    }

    static String matrixText(CsrMatrix m) {
        StringBuilder sb = new StringBuilder();
        var v = io.mlformats.core.vector.SparseVector.of(m.valueType(), 8);
        for (int r = 0; r < m.numRows(); r++) {
            sb.append(m.labels()[r]).append(m.weights() == null ? "" : ":" + m.weights()[r])
                    .append(m.qids() == null ? "" : " q" + m.qids()[r]).append(' ').append(m.row(r, v)).append('\n');
        }
        return sb.toString();
    }
}

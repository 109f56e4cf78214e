package io.mlformats.libsvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlformats.core.ByteSources;
import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.vector.CsrMatrix;
import io.mlformats.testkit.Seeds;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded properties: round trips, arbitrary bytes, parallel = sequential. Replay with -Dmlformats.seed. */
class LibSvmPropertiesTest {

    @Test
    void writeThenReadGivesTheSameRowsBitForBit() throws IOException {
        long base = Seeds.base();
        for (int i = 0; i < 2000; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            RandomLibSvm.Shape s = RandomLibSvm.Shape.random(r);
            List<LibSvmRow> rows = RandomLibSvm.rows(r, s, r.nextInt(0, 12));
            LibSvmChecks.roundTrip(rows, s, Seeds.describe(base, i) + " " + s);
        }
    }

    @Test
    void arbitraryBytesOnlyEverRaiseFormatException() {
        long base = Seeds.base();
        for (int i = 0; i < 1500; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            byte[] data = switch (r.nextInt(3)) {
                case 0 -> RandomLibSvm.randomBytes(r, 200);
                default -> RandomLibSvm.damaged(r, RandomLibSvm.messyText(r, r.nextInt(1, 8)));
            };
            LibSvmChecks.arbitraryInput(data, LibSvmChecks.randomOptions(r), r.nextInt(2, 6));
        }
    }

    @Test
    void parallelLoadEqualsSequentialLoad() throws IOException {
        long base = Seeds.base();
        for (int i = 0; i < 100; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            byte[] data = RandomLibSvm.messyText(r, r.nextInt(1, 120));
            LibSvmReadOptions o = LibSvmReadOptions.defaults().withIndexBase(r.nextBoolean() ? IndexBase.ZERO : IndexBase.AUTO);
            LibSvmLoader one = new LibSvmLoader(o);
            CsrMatrix expected = one.load(ByteSources.of(data).input());
            for (int threads = 1; threads <= 8; threads++) {
                LibSvmLoader many = new LibSvmLoader(o);
                CsrMatrix actual = many.loadParallel(ByteSources.of(data), threads);
                assertEquals(expected, actual, Seeds.describe(base, i) + " threads " + threads);
                assertEquals(one.stats().toString(), many.stats().toString());
            }
            // with bad lines skipped, the collected errors are the same, with the same lines and records
            byte[] bad = RandomLibSvm.damaged(r, data);
            LibSvmReadOptions skip = o.withErrorPolicy(ErrorPolicy.SKIP_AND_COLLECT);
            LibSvmLoader s1 = new LibSvmLoader(skip);
            String e1;
            try {
                e1 = s1.load(ByteSources.of(bad).input()) + LibSvmChecks.matrixText(s1.load(ByteSources.of(bad)
                        .input())) + s1.stats().errors();
            } catch (io.mlformats.core.FormatException e) {
                e1 = e.getMessage();
            }
            for (int threads = 2; threads <= 8; threads += 3) {
                LibSvmLoader sn = new LibSvmLoader(skip);
                String en;
                try {
                    en = sn.loadParallel(ByteSources.of(bad), threads) + LibSvmChecks.matrixText(
                            sn.loadParallel(ByteSources.of(bad), threads)) + sn.stats().errors();
                } catch (io.mlformats.core.FormatException e) {
                    en = e.getMessage();
                }
                assertEquals(e1, en, Seeds.describe(base, i) + " threads " + threads);
            }
        }
    }
}

package io.mlformats.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.testkit.AllocationMeter;
import io.mlformats.testkit.Seeds;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Utf8} against the JDK's strict UTF-8 decoder, the oracle for "well-formed UTF-8". */
class Utf8Test {
    private final CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(64);

    /** Index of the first malformed byte per the JDK, or -1. */
    private int oracle(byte[] b) {
        jdk.reset();
        ByteBuffer in = ByteBuffer.wrap(b);
        while (true) {
            chars.clear();
            CoderResult r = jdk.decode(in, chars, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                chars.clear();
                return jdk.flush(chars).isError() ? in.position() : -1;
            }
        }
    }

    /** Both entry points (array, heap buffer at an offset, direct buffer) give the same answer. */
    private static int check(byte[] b) {
        int a = Utf8.firstInvalid(b, 0, b.length);
        byte[] padded = new byte[b.length + 5];
        System.arraycopy(b, 0, padded, 3, b.length);
        ByteBuffer heap = ByteBuffer.wrap(padded, 1, padded.length - 1).slice();
        assertEquals(a < 0 ? -1 : a + 2, Utf8.firstInvalid(heap, 2, 2 + b.length), "heap buffer");
        ByteBuffer direct = ByteBuffer.allocateDirect(padded.length).put(padded);
        assertEquals(a < 0 ? -1 : a + 3, Utf8.firstInvalid(direct, 3, 3 + b.length), "direct buffer");
        return a;
    }

    @Test
    void everyOneTwoAndThreeByteSequenceAgreesWithTheJdk() {
        byte[][] bySize = {new byte[1], new byte[2], new byte[3]};
        for (int c0 = 0; c0 < 256; c0++) {
            bySize[0][0] = (byte) c0;
            assertEquals(oracle(bySize[0]), Utf8.firstInvalid(bySize[0], 0, 1), "byte " + c0);
            for (int c1 = 0; c1 < 256; c1++) {
                bySize[1][0] = (byte) c0;
                bySize[1][1] = (byte) c1;
                assertEquals(oracle(bySize[1]), Utf8.firstInvalid(bySize[1], 0, 2), c0 + " " + c1);
                if (c0 < 0xE0 || c0 > 0xEF) {
                    continue; // other three-byte strings are covered by the one- and two-byte cases plus ASCII
                }
                for (int c2 = 0; c2 < 256; c2++) {
                    bySize[2][0] = (byte) c0;
                    bySize[2][1] = (byte) c1;
                    bySize[2][2] = (byte) c2;
                    assertEquals(oracle(bySize[2]), Utf8.firstInvalid(bySize[2], 0, 3), c0 + " " + c1 + " " + c2);
                }
            }
        }
    }

    @Test
    void fourByteSequencesAgreeWithTheJdkAtEveryBoundary() {
        int[] edges = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xFF};
        byte[] b = new byte[4];
        for (int c0 = 0xF0; c0 <= 0xF5; c0++) {
            for (int c1 = 0; c1 < 256; c1++) {
                for (int c2 : edges) {
                    for (int c3 : edges) {
                        b[0] = (byte) c0;
                        b[1] = (byte) c1;
                        b[2] = (byte) c2;
                        b[3] = (byte) c3;
                        assertEquals(oracle(b), check(b), c0 + " " + c1 + " " + c2 + " " + c3);
                    }
                }
            }
        }
    }

    @Test
    void randomTextWithDamageAgreesWithTheJdk() {
        long base = Seeds.base();
        int[] cps = {'a', 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0xE9, 0x20AC, 0x1F600};
        for (int i = 0; i < 5000; i++) {
            SplittableRandom r = Seeds.forCase(base, i);
            StringBuilder s = new StringBuilder();
            int n = r.nextInt(12);
            for (int k = 0; k < n; k++) {
                s.appendCodePoint(cps[r.nextInt(cps.length)]);
            }
            byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
            if (b.length > 0 && r.nextBoolean()) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256); // damage one byte (may stay valid)
            }
            if (b.length > 0 && r.nextInt(4) == 0) {
                b = java.util.Arrays.copyOf(b, r.nextInt(b.length)); // truncate mid-sequence, maybe
            }
            assertEquals(oracle(b), check(b), Seeds.describe(base, i));
        }
    }

    @Test
    void validatingAllocatesNothing() {
        byte[] text = "h\u00e9llo w\u20acrld \ud83d\ude00 ".repeat(100).getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(text.length).put(text);
        long sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += Utf8.firstInvalid(text, 0, text.length) + Utf8.firstInvalid(direct, 0, text.length);
        }
        long before = AllocationMeter.allocatedBytes();
        for (int i = 0; i < 20_000; i++) {
            sum += Utf8.firstInvalid(text, 0, text.length) + Utf8.firstInvalid(direct, 0, text.length);
        }
        long allocated = AllocationMeter.allocatedBytes() - before;
        assertEquals(-80_000, sum);
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes");
    }
}

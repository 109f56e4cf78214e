package io.mlformats.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.testkit.AdversarialInputs;
import io.mlformats.testkit.TestHooks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteSourceTest {

    static byte[] counting(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        return b;
    }

    static List<ByteSource> sources(byte[] data, Path dir) throws IOException {
        List<ByteSource> out = new ArrayList<>();
        byte[] padded = new byte[data.length + 10];
        System.arraycopy(data, 0, padded, 5, data.length);
        out.add(ByteSources.of(data));
        out.add(ByteSources.of(padded, 5, data.length, "padded"));
        out.add(ByteSources.of(AdversarialInputs.direct(data), "direct"));
        out.add(ByteSources.of(ByteBuffer.wrap(data).asReadOnlyBuffer(), "readonly"));
        Path f = AdversarialInputs.file(dir, "f.bin", data);
        out.add(ByteSources.map(f));
        // 64-byte windows exercise reads and slices that straddle window boundaries.
        out.add(TestHooks.<ByteSource>mappedFile(f, 6));
        return out;
    }

    @Test
    void everyKindOfSourceReadsTheSameBytes(@TempDir Path dir) throws IOException {
        byte[] data = counting(1000);
        for (ByteSource s : sources(data, dir)) {
            assertEquals(data.length, s.size(), s.name());
            for (int i = 0; i < data.length; i++) {
                assertEquals(data[i], s.get(i), s.name() + " @" + i);
            }
            for (int i = 0; i + 4 <= data.length; i += 3) {
                int expected = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16
                        | (data[i + 3] & 0xff) << 24;
                assertEquals(expected, s.getIntLE(i), s.name() + " int @" + i);
            }
            for (int off = 0; off < data.length; off += 37) {
                int len = Math.min(100, data.length - off);
                ByteBuffer slice = s.slice(off, len);
                assertEquals(0, slice.position());
                assertEquals(len, slice.remaining());
                byte[] got = new byte[len];
                slice.get(got);
                byte[] want = java.util.Arrays.copyOfRange(data, off, off + len);
                assertArrayEquals(want, got, s.name() + " slice @" + off);
                byte[] copied = new byte[len];
                s.copyTo(off, copied, 0, len);
                assertArrayEquals(want, copied);
            }
            assertThrows(IndexOutOfBoundsException.class, () -> s.get(data.length));
            assertThrows(IndexOutOfBoundsException.class, () -> s.slice(data.length - 2, 3));
        }
    }

    @Test
    void inputsOverRangesReportAbsolutePositions(@TempDir Path dir) throws IOException {
        byte[] data = counting(300);
        for (ByteSource s : sources(data, dir)) {
            ByteInput in = s.input(100, 250);
            assertEquals(100, in.position());
            assertNotNull(in.source());
            byte[] buf = new byte[1000];
            int n = in.read(buf, 0, buf.length);
            assertEquals(150, n);
            assertEquals(250, in.position());
            assertEquals(-1, in.read(buf, 0, 10));
            assertEquals(data[100], buf[0]);
            assertEquals(data[249], buf[149]);
        }
    }

    @Test
    void heapSourcesExposeTheirArrayForInPlaceScanning() {
        byte[] data = counting(10);
        ByteSource s = ByteSources.of(data, 2, 5, "x");
        assertTrue(s.array() == data);
        assertEquals(2, s.arrayOffset());
    }
}

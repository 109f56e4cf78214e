package io.mlformats.recordio.image;

import io.mlformats.core.ReadMode;
import io.mlformats.recordio.RecordIoWriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * im2rec's packing step with {@code --pass-through}: reads a {@code .lst}, and for each entry reads the image
 * file under the root as is (no decoding or re-encoding) and writes a {@code .rec} record and an {@code .idx}
 * line. As in im2rec, the header is {@code IRHeader(0, label, index, 0)} with the first label, or, with
 * {@code packLabel} and more than one label, all labels after the header ({@code flag} = label count). An image
 * that cannot be read fails the whole run (im2rec prints a message and skips it); outputs are atomic.
 * Stateless; thread-safe.
 */
public final class ImagePacker {
    private ImagePacker() {
    }

    /**
     * Packs {@code lst} into {@code rec} + {@code idx}.
     *
     * @return the number of records written
     */
    public static int pack(Path lst, Path imageRoot, Path rec, Path idx, boolean packLabel) throws IOException {
        return pack(LstFile.read(lst, ReadMode.STRICT), imageRoot, rec, idx, packLabel, RecordIoWriteOptions.defaults());
    }

    /** Packs the given entries. */
    public static int pack(List<LstFile.Entry> entries, Path imageRoot, Path rec, Path idx, boolean packLabel,
            RecordIoWriteOptions framing) throws IOException {
        int count = 0;
        try (ImageRecordWriter w = ImageRecordWriter.open(rec, idx, ImageRecordWriteOptions.defaults()
                .withFraming(framing))) {
            for (LstFile.Entry e : entries) {
                byte[] image = Files.readAllBytes(imageRoot.resolve(e.path()));
                double[] labels = e.labels();
                if (packLabel && labels.length > 1) {
                    float[] f = new float[labels.length];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = (float) labels[i];
                    }
                    w.writeMultiLabel(e.index(), f, image);
                } else {
                    w.writeSingleLabel(e.index(), (float) labels[0], image);
                }
                count++;
            }
            w.commit();
        }
        return count;
    }
}

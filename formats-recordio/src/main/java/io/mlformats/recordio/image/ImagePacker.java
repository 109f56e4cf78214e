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
     * @param lst       path of the im2rec {@code .lst} file, read in strict mode
     * @param imageRoot directory against which the entries' relative image paths are resolved
     * @param rec       path of the {@code .rec} file to create or replace
     * @param idx       path of the {@code .idx} file to create or replace
     * @param packLabel write all labels of a multi-label entry after the header (im2rec {@code --pack-label});
     *                  otherwise only the first label goes into the header
     * @return the number of records written
     * @throws io.mlformats.core.FormatException if a line of {@code lst} does not parse
     * @throws IOException if a file cannot be read or an output cannot be written; no output is published then
     */
    public static int pack(Path lst, Path imageRoot, Path rec, Path idx, boolean packLabel) throws IOException {
        return pack(LstFile.read(lst, ReadMode.STRICT), imageRoot, rec, idx, packLabel, RecordIoWriteOptions.defaults());
    }

    /**
     * Packs the given entries.
     *
     * @param entries   list entries, written in list order
     * @param imageRoot directory against which the entries' relative image paths are resolved
     * @param rec       path of the {@code .rec} file to create or replace
     * @param idx       path of the {@code .idx} file to create or replace
     * @param packLabel write all labels of a multi-label entry after the header (im2rec {@code --pack-label});
     *                  otherwise only the first label goes into the header
     * @param framing   RecordIO framing options of the {@code .rec} output (splitting, buffer, gzip)
     * @return the number of records written
     * @throws IOException if an image cannot be read or an output cannot be written; no output is published then
     */
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

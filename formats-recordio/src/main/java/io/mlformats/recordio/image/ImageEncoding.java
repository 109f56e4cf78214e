package io.mlformats.recordio.image;

/**
 * The image encodings SageMaker's image-classification algorithm reads from image records, recognised by their
 * signature bytes. One place for the rule, used by the validator and by format detection. Stateless.
 */
public enum ImageEncoding {
    /** JPEG: starts with {@code FF D8}. */
    JPEG,
    /** PNG: starts with {@code 89 'P' 'N' 'G'}. */
    PNG;

    /**
     * The encoding whose signature the first bytes of an image carry.
     *
     * @param available how many image bytes exist (the signature bytes past it are ignored)
     * @param b0        the first byte, unsigned ({@code 0..255})
     * @param b1        the second byte, unsigned
     * @param b2        the third byte, unsigned
     * @param b3        the fourth byte, unsigned
     * @return the encoding, or {@code null} for anything else
     */
    public static ImageEncoding of(int available, int b0, int b1, int b2, int b3) {
        if (available >= 2 && b0 == 0xff && b1 == 0xd8) {
            return JPEG;
        }
        if (available >= 4 && b0 == 0x89 && b1 == 'P' && b2 == 'N' && b3 == 'G') {
            return PNG;
        }
        return null;
    }
}

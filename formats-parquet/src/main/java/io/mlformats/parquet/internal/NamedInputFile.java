package io.mlformats.parquet.internal;

import java.io.IOException;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A parquet-java {@link InputFile} with a meaningful {@code toString()}: parquet-java puts the file's
 * {@code toString()} into its messages, and {@code LocalInputFile} (like any class that does not override it)
 * prints {@code LocalInputFile@1b2c3d}. Delegates everything else. Thread-safety as the wrapped file's.
 */
final class NamedInputFile implements InputFile {
    private final InputFile file;
    private final String name;

    NamedInputFile(InputFile file, String name) {
        this.file = file;
        this.name = name;
    }

    /**
     * {@code file} itself when its {@code toString()} says something, else {@code file} named by its class and
     * length (a caller's {@code InputFile} whose {@code toString()} is {@code Object}'s).
     */
    static InputFile of(InputFile file) throws IOException {
        String s = String.valueOf(file);
        String hash = file.getClass().getName() + "@" + Integer.toHexString(file.hashCode());
        if (file instanceof NamedInputFile || !s.equals(hash)) {
            return file;
        }
        return new NamedInputFile(file, "Parquet input (" + file.getClass().getSimpleName() + " of "
                + file.getLength() + " bytes)");
    }

    @Override
    public long getLength() throws IOException {
        return file.getLength();
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        return file.newStream();
    }

    @Override
    public String toString() {
        return name;
    }
}

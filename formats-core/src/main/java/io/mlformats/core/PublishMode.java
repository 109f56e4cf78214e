package io.mlformats.core;

/**
 * What publishing a file ({@link AtomicFileSink#commit()}, {@link OutputTarget#commit()}) does when a file already
 * exists under the target name.
 */
public enum PublishMode {
    /**
     * Replace it (one atomic rename where the file system allows). The default, as {@code open(Path, ...)} of every
     * writer has always done.
     */
    REPLACE,
    /**
     * Refuse with {@link java.nio.file.FileAlreadyExistsException}: checked when the sink opens (so a long write
     * does not start in vain) and again atomically when it publishes, by hard-linking the finished temporary file
     * under the target name, which fails if the name exists. Where hard links are not supported the publish step
     * checks and then renames: a file created by another program between the two is replaced (writers of this
     * library cannot race there: they hold the target's lock, see {@link AtomicFileSink}).
     */
    CREATE_NEW
}

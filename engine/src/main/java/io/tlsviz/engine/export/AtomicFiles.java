package io.tlsviz.engine.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes files whole or not at all: a reader (or a crash) never sees half a file. Every file tlsviz writes goes
 * through {@link #writeAtomically}.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to a temporary file next to {@code target}, flushes it to disk (best effort) and
     * moves it over {@code target} atomically where the file system allows, else replacing it.
     *
     * @throws IOException naming the path and the reason in plain words; no temporary file is left behind
     */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path fileName = absolute.getFileName();
        if (dir == null || fileName == null) {
            throw new IOException("Cannot write " + target + ": that is not a path to a file");
        }
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + fileName + ".", ".tmp");
        } catch (IOException e) {
            throw failure(absolute, e);
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                forceQuietly(channel);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof IOException io) {
                throw failure(absolute, io);
            }
            throw e;
        }
    }

    private static void forceQuietly(FileChannel channel) {
        try {
            channel.force(true);
        } catch (IOException e) {
            // Best effort: some file systems cannot sync; the atomic move still protects readers.
        }
    }

    /**
     * Fails, before anything is written, where {@link #writeAtomically} would: the folder must exist and be
     * writable. For commands that write several files, so that they write all of them or none.
     */
    public static void checkFolder(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("Cannot write " + target + ": " + noFolder(dir));
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("Cannot write " + target + ": " + notWritable(dir));
        }
    }

    /** As {@link #checkFolder}, and the target must not be a folder. */
    public static void checkWritable(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException("Cannot write " + target + ": " + FOLDER_EXISTS);
        }
        checkFolder(target);
    }

    private static final String FOLDER_EXISTS = "a folder with that name exists";

    private static String noFolder(Path dir) {
        return "the folder " + dir + " does not exist";
    }

    private static String notWritable(Path dir) {
        return "permission denied (the folder " + dir + " is not writable)";
    }

    private static IOException failure(Path target, IOException cause) {
        return new IOException("Cannot write " + target + ": " + reason(target, cause), cause);
    }

    /**
     * Why writing {@code target} failed, for a person: "the folder ... does not exist", "permission denied
     * (...)", "files cannot be created in the folder ..." (a folder that exists but takes no new files, such as
     * /proc), "a folder with that name exists", else the system's own reason.
     */
    public static String reason(Path target, IOException e) {
        Path dir = target.toAbsolutePath().getParent();
        if (e instanceof AccessDeniedException) {
            return notWritable(dir);
        }
        if (e instanceof NoSuchFileException) {
            return dir != null && Files.isDirectory(dir) ? "files cannot be created in the folder " + dir
                    : noFolder(dir);
        }
        if (e instanceof DirectoryNotEmptyException || Files.isDirectory(target)) {
            return FOLDER_EXISTS;
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

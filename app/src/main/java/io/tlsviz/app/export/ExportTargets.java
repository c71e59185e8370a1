package io.tlsviz.app.export;

import io.tlsviz.engine.export.AtomicFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where an export goes, whole or not at all: files through {@link AtomicFiles}, folders (PNG export) built in a
 * temporary folder beside the target and renamed into place.
 */
public final class ExportTargets {

    private ExportTargets() {
    }

    /** Fills a folder that is not yet visible under its final name. */
    @FunctionalInterface
    public interface FolderWriter {
        void writeInto(Path folder) throws IOException;
    }

    /**
     * Fails early, before any slide is rendered, when the export cannot go to {@code target}.
     *
     * @throws TargetExistsException when {@code target} exists and {@code force} is false
     * @throws IOException           when the folder to write into does not exist or is not a folder
     */
    public static void check(Path target, boolean force) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new TargetExistsException(target);
        }
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new IOException("Cannot write " + target + ": that is not a path to a file");
        }
        AtomicFiles.checkFolder(absolute);
    }

    /** Writes a file whole or not at all. */
    public static void writeFile(Path target, byte[] content) throws IOException {
        AtomicFiles.writeAtomically(target, content);
        shareable(target);
    }

    /**
     * Temporary files are created readable by their owner only; a slideshow is meant to be handed out, so it gets
     * the usual rw-r--r-- (rwxr-xr-x for a folder). Best effort: not every file system has POSIX permissions.
     */
    private static void shareable(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (IOException | UnsupportedOperationException e) {
            // The export is complete; only its permissions stay as the system made them.
        }
    }

    /**
     * Builds a folder under a temporary name beside {@code target}, then renames it into place. An existing
     * {@code target} is set aside first and deleted only after the new folder is in place.
     */
    public static void writeFolder(Path target, FolderWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new IOException("Cannot write " + target + ": that is not a path to a folder");
        }
        String name = absolute.getFileName().toString();
        Path temp;
        try {
            temp = Files.createTempDirectory(dir, "." + name + ".");
        } catch (IOException e) {
            throw failure(absolute, e);
        }
        Path old = null;
        try {
            writer.writeInto(temp);
            shareable(temp);
            if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                old = dir.resolve("." + name + ".old-" + temp.getFileName().toString().substring(name.length() + 2));
                move(absolute, old);
            }
            move(temp, absolute);
        } catch (IOException | RuntimeException e) {
            try {
                deleteRecursively(temp);
                if (old != null && !Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                    move(old, absolute);
                    old = null;
                }
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof IOException io) {
                throw failure(absolute, io);
            }
            throw e;
        }
        if (old != null) {
            deleteRecursively(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static IOException failure(Path target, IOException cause) {
        if (cause.getMessage() != null && cause.getMessage().startsWith("Cannot write ")) {
            return cause;
        }
        return new IOException("Cannot write " + target + ": " + reason(target, cause), cause);
    }

    private static String reason(Path target, IOException e) {
        return io.tlsviz.engine.export.AtomicFiles.reason(target, e);
    }
}

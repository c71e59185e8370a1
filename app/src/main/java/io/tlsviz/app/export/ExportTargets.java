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
import java.util.List;

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

    /** A slide of an earlier PNG export: the only files a folder export may replace. */
    private static final java.util.regex.Pattern SLIDE_PNG = java.util.regex.Pattern.compile("slide-\\d+\\.png");

    /**
     * Fails early, before any slide is rendered, when the export cannot go to {@code target}.
     *
     * @param folder true for an export that makes a folder (PNG): an existing folder is replaced only when it
     *               holds nothing but the slides of an earlier export, whatever {@code force} says, and an empty
     *               one is used as if it were not there; a symbolic link is refused, as the export would replace
     *               the link rather than fill the folder it points to
     * @throws TargetExistsException  when {@code target} exists, may be replaced, and {@code force} is false
     * @throws TargetRefusedException when the export cannot go there: the folder to write into does not exist or
     *                                takes no files, the target is a folder where a file goes (or the other way
     *                                round, or a link), or a folder holds files that are not slides
     */
    public static void check(Path target, boolean force, boolean folder) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null || target.toString().isBlank()) {
            throw new TargetRefusedException(TargetRefusedException.Reason.NOT_A_PATH, "Cannot write '" + target
                    + "': that is not a path to a " + (folder ? "folder" : "file"), target.toString());
        }
        if (Files.isRegularFile(dir)) {
            throw new TargetRefusedException(TargetRefusedException.Reason.PARENT_IS_FILE, "Cannot write " + target
                    + ": " + dir + " is a file, not a folder", dir.toString());
        }
        if (folder && Files.isSymbolicLink(absolute)) {
            String to = linkTarget(absolute);
            throw new TargetRefusedException(TargetRefusedException.Reason.IS_LINK, "Cannot write " + target
                    + ": it is a symbolic link (to " + to + "), and an export would replace the link, not fill the"
                    + " folder it points to; give a new folder's name, or the folder itself", target.toString(), to);
        }
        if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            if (!folder) {
                throw new TargetRefusedException(TargetRefusedException.Reason.IS_FOLDER, "Cannot write " + target
                        + ": it is a folder; give the file's name, such as " + target.resolve("slides")
                        + " with its extension", target.toString());
            }
            List<String> others = notSlides(absolute);
            if (!others.isEmpty()) {
                String names = String.join(", ", others.subList(0, Math.min(3, others.size())));
                throw new TargetRefusedException(TargetRefusedException.Reason.NOT_SLIDES, "Cannot write " + target
                        + ": the folder holds files that are not slides (" + names
                        + (others.size() > 3 ? ", and " + (others.size() - 3) + " more" : "")
                        + "), and an export replaces the whole folder. Give a new folder's name", target.toString(),
                        names + (others.size() > 3 ? ", \u2026" : ""));
            }
            if (isEmpty(absolute)) {
                return;
            }
        } else if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && folder) {
            throw new TargetRefusedException(TargetRefusedException.Reason.IS_FILE, "Cannot write " + target
                    + ": it is a file, and the PNG slides go into a folder; give a new folder's name",
                    String.valueOf(absolute.getFileName()));
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new TargetExistsException(target);
        }
        try {
            AtomicFiles.checkFolder(absolute);
        } catch (IOException e) {
            throw new TargetRefusedException(Files.isDirectory(dir) ? TargetRefusedException.Reason.NOT_WRITABLE
                    : TargetRefusedException.Reason.NO_FOLDER, e.getMessage(), dir.toString());
        }
    }

    /** Where a symbolic link points, as a path from its folder; its own name when that cannot be read. */
    private static String linkTarget(Path link) {
        try {
            return link.resolveSibling(Files.readSymbolicLink(link)).normalize().toString();
        } catch (IOException | UnsupportedOperationException e) {
            return link.toString();
        }
    }

    /** As {@link #check(Path, boolean, boolean)} for an export to a file. */
    public static void check(Path target, boolean force) throws IOException {
        check(target, force, false);
    }

    /**
     * The names in {@code folder} that are not slides of an earlier export ({@code slide-01.png} ...), sorted; a
     * folder that cannot be listed gives its own name, so that it is never taken for one of slides only.
     */
    public static List<String> notSlides(Path folder) {
        try (java.util.stream.Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> !(SLIDE_PNG.matcher(p.getFileName().toString()).matches()
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of(String.valueOf(folder.getFileName()));
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
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
                // Refused here too, whoever calls: a folder with other files is not even set aside. Files that
                // arrive after this look are kept by deleteSlides.
                check(target, true, true);
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
            deleteSlides(old);
        }
    }

    /**
     * Deletes the slides of an earlier export and then their folder, which fails if anything else is in it: a file
     * that arrived after {@link #check} looked stays, in the set-aside folder, instead of being deleted with it.
     */
    static void deleteSlides(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(folder)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (SLIDE_PNG.matcher(p.getFileName().toString()).matches()
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(p);
                }
            }
        }
        try {
            Files.delete(folder);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            throw new IOException("The new slides are in place, but the folder they replaced got other files while "
                    + "they were being made; those files are kept in " + folder, e);
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

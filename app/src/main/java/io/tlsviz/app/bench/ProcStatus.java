package io.tlsviz.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Memory figures of this process from Linux's {@code /proc/self/status} (proc(5)). */
public final class ProcStatus {
    private static final Path SELF = Path.of("/proc/self/status");

    private ProcStatus() {
    }

    /** The text of {@code /proc/self/status}, or empty where there is none (not Linux). */
    public static String read() {
        if (!Files.isReadable(SELF)) {
            return "";
        }
        try {
            return Files.readString(SELF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A size field such as {@code VmRSS} (resident now) or {@code VmHWM} (resident peak), in bytes. The file
     * writes them as {@code "VmRSS:\t  123456 kB"}.
     */
    public static OptionalLong bytes(String status, String field) {
        for (String line : status.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equals(field)) {
                String[] parts = line.substring(colon + 1).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                if (parts.length < 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException("expected kB in: " + line);
                }
                return OptionalLong.of(value * 1024);
            }
        }
        return OptionalLong.empty();
    }
}

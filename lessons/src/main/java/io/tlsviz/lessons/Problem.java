package io.tlsviz.lessons;

/** One thing wrong with a lesson file, reported as {@code file:line: message} like a compiler does. */
public record Problem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}

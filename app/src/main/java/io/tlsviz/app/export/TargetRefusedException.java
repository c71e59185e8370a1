package io.tlsviz.app.export;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The export cannot go where it was asked to, and no "replace?" would change that. The message is English, for the
 * command line; {@link #reason()} and {@link #details()} let the window say the same in its own language.
 */
public final class TargetRefusedException extends IOException {

    /** Why; the details each reason carries are listed with it. */
    public enum Reason {
        /** Not a path to a file or folder at all. Details: the target. */
        NOT_A_PATH,
        /** What should be the folder to write into is a file. Details: that file. */
        PARENT_IS_FILE,
        /** The folder to write into does not exist. Details: that folder. */
        NO_FOLDER,
        /** The folder to write into takes no new files. Details: that folder. */
        NOT_WRITABLE,
        /** A file export whose target is a folder. Details: the target. */
        IS_FOLDER,
        /** A folder export (PNG) whose target is a file. Details: the target's name. */
        IS_FILE,
        /**
         * A folder export (PNG) whose target is a symbolic link: the export would replace the link, not fill the
         * folder it points to. Details: the target, and where the link points.
         */
        IS_LINK,
        /** A folder export whose folder holds files that are not slides. Details: the target, the names. */
        NOT_SLIDES
    }

    private final Reason reason;
    private final transient List<String> details;

    public TargetRefusedException(Reason reason, String message, String... details) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
        this.details = List.of(details);
    }

    public Reason reason() {
        return reason;
    }

    /** The paths and names the message is about, in the order {@link Reason} lists them. */
    public List<String> details() {
        return details;
    }
}

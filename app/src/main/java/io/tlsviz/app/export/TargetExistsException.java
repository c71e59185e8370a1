package io.tlsviz.app.export;

import java.io.IOException;
import java.nio.file.Path;

/** The export would replace an existing file or folder and nobody said it may. */
public final class TargetExistsException extends IOException {
    private final transient Path target;

    public TargetExistsException(Path target) {
        super(target + " already exists; choose another name or allow overwriting (--force)");
        this.target = target;
    }

    public Path target() {
        return target;
    }
}

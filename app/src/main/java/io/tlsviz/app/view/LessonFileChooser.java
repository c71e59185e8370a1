package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks for a lesson file. The app shows the native dialog; tests pass a chooser that answers at once. */
@FunctionalInterface
public interface LessonFileChooser {

    Optional<Path> choose(Window owner);

    /** The platform's open dialog, filtered to YAML files. */
    static LessonFileChooser nativeDialog(Messages messages) {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("fileChooser.title"));
            chooser.getExtensionFilters().add(
                    new FileChooser.ExtensionFilter(messages.get("fileChooser.filter"), "*.yaml", "*.yml"));
            File file = chooser.showOpenDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        };
    }
}

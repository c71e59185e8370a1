package io.tlsviz.app.view;

import io.tlsviz.app.export.ExportFormat;
import io.tlsviz.app.i18n.Messages;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks where to save a slideshow. The app shows the native save dialog; tests pass a chooser that answers at
 * once, as with {@link LessonFileChooser}.
 */
@FunctionalInterface
public interface ExportFileChooser {

    /**
     * @param suggested the file (for PNG, the folder) the dialog starts with
     * @return the chosen path, or empty when the user cancelled
     */
    Optional<Path> choose(Window owner, Path suggested, ExportFormat format);

    /** The platform's save dialog, filtered to the format's extension (a PNG export names a new folder). */
    static ExportFileChooser nativeDialog(Messages messages) {
        return (owner, suggested, format) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("export.chooser.title"));
            Path folder = suggested.getParent();
            if (folder != null && Files.isDirectory(folder)) {
                chooser.setInitialDirectory(folder.toFile());
            }
            if (suggested.getFileName() != null) {
                chooser.setInitialFileName(suggested.getFileName().toString());
            }
            if (format != ExportFormat.PNG) {
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                        messages.get("export.format." + format.id()), "*." + format.id()));
            }
            File file = chooser.showSaveDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        };
    }
}

package io.tlsviz.app.view;

import io.tlsviz.app.i18n.Messages;
import io.tlsviz.app.viewmodel.ScenarioSettingsViewModel;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.Editors;

/** The engine's options in a ControlsFX {@link PropertySheet}; every edit restarts the handshake. */
public final class SettingsSheet extends VBox {

    public SettingsSheet(ScenarioSettingsViewModel vm, Messages messages) {
        setId("settings");
        setSpacing(8);
        String cat = messages.get("settings.category");
        Item<?> suite = new Item<>(vm.suiteProperty(), Object.class, cat, messages, "settings.suite");
        Item<?> group = new Item<>(vm.groupProperty(), Object.class, cat, messages, "settings.group");
        PropertySheet sheet = new PropertySheet(FXCollections.observableArrayList(List.of(suite, group,
                new Item<>(vm.extendedMasterSecretProperty(), Boolean.class, cat, messages, "settings.ems"),
                new Item<>(vm.encryptThenMacProperty(), Boolean.class, cat, messages, "settings.etm"),
                new Item<>(vm.middleboxCompatProperty(), Boolean.class, cat, messages, "settings.compat"),
                new Item<>(vm.seedProperty(), String.class, cat, messages, "settings.seed"),
                new Item<>(vm.freshProperty(), Boolean.class, cat, messages, "settings.fresh"),
                new Item<>(vm.freshCertificatesProperty(), Boolean.class, cat, messages, "settings.freshCertificates"))));
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> {
            if (item == suite) {
                return Editors.createChoiceEditor(item, vm.suiteChoices());
            }
            if (item == group) {
                return Editors.createChoiceEditor(item, vm.groupChoices());
            }
            return defaults.call(item);
        });
        sheet.setPrefSize(620, 360);
        Label error = new Label();
        error.setId("settings-error");
        error.getStyleClass().add(Styles.ERROR);
        error.textProperty().bind(vm.errorProperty());
        error.setWrapText(true);
        Label certificates = new Label();
        certificates.setId("settings-certificates");
        certificates.textProperty().bind(vm.certificateStatusProperty());
        certificates.setWrapText(true);
        getChildren().addAll(sheet, error, certificates);
    }

    /** One option as a property-sheet row. */
    private static final class Item<T> implements PropertySheet.Item {
        private final Property<T> property;
        private final Class<?> type;
        private final String category;
        private final String name;
        private final String description;

        Item(Property<T> property, Class<?> type, String category, Messages messages, String key) {
            this.property = property;
            this.type = type;
            this.category = category;
            this.name = messages.get(key);
            this.description = messages.get(key + ".help");
        }

        @Override
        public Class<?> getType() {
            return type;
        }

        @Override
        public String getCategory() {
            return category;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Object getValue() {
            return property.getValue();
        }

        @SuppressWarnings("unchecked")
        @Override
        public void setValue(Object value) {
            property.setValue((T) value);
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.of(property);
        }
    }
}

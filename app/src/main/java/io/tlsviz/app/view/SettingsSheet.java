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
        Item<?> ems = new Item<>(vm.extendedMasterSecretProperty(), Boolean.class, cat, messages, "settings.ems");
        Item<?> etm = new Item<>(vm.encryptThenMacProperty(), Boolean.class, cat, messages, "settings.etm");
        Item<?> compat = new Item<>(vm.middleboxCompatProperty(), Boolean.class, cat, messages, "settings.compat");
        Item<?> seed = new Item<>(vm.seedProperty(), String.class, cat, messages, "settings.seed");
        // An option the current handshake does not use is greyed out rather than hidden: the class sees that it
        // exists, and that (for example) RSA has no group to choose.
        java.util.Map<Item<?>, javafx.beans.value.ObservableBooleanValue> applies = java.util.Map.of(
                group, vm.groupAppliesProperty(), ems, vm.extendedMasterSecretAppliesProperty(),
                etm, vm.encryptThenMacAppliesProperty(), compat, vm.middleboxCompatAppliesProperty(),
                seed, vm.seedAppliesProperty());
        PropertySheet sheet = new PropertySheet(FXCollections.observableArrayList(List.of(suite, group, ems, etm,
                compat, seed,
                new Item<>(vm.freshProperty(), Boolean.class, cat, messages, "settings.fresh"),
                new Item<>(vm.freshCertificatesProperty(), Boolean.class, cat, messages, "settings.freshCertificates"))));
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> {
            org.controlsfx.property.editor.PropertyEditor<?> editor = item == suite
                    ? Editors.createChoiceEditor(item, vm.suiteChoices())
                    : item == group ? Editors.createChoiceEditor(item, vm.groupChoices()) : defaults.call(item);
            javafx.beans.value.ObservableBooleanValue applicable = applies.get(item);
            if (editor != null && applicable != null) {
                editor.getEditor().disableProperty().bind(javafx.beans.binding.Bindings.not(applicable));
            }
            return editor;
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

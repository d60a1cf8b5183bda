package org.vitalis.ui.registration;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.vitalis.domain.ExternalIdentifier;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** Identifiers the patient has elsewhere (national ID, insurer number). */
final class IdentifiersEditor {
    private final VBox root;

    IdentifiersEditor(RegistrationViewModel vm, Messages m) {
        ListView<ExternalIdentifier> list = Ui.id(new ListView<>(vm.identifiers()), "reg-identifiers");
        list.setPrefHeight(70);
        list.setAccessibleText(m.get("patient.identifiers"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ExternalIdentifier i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null ? null : i.system() + ": " + i.value());
            }
        });
        TextField system = ContactsEditor.prompt("reg-id-system", m.get("identifier.system"));
        TextField value = ContactsEditor.prompt("reg-id-value", m.get("identifier.value"));
        Button add = Ui.id(new Button(m.get("action.add")), "reg-id-add");
        add.setOnAction(e -> {
            if (vm.addIdentifier(system.getText(), value.getText())) {
                system.clear();
                value.clear();
                system.requestFocus();
            }
        });
        Button remove = new Button(m.get("action.remove"));
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.identifiers().remove(list.getSelectionModel().getSelectedItem()));
        root = new VBox(6, list, new HBox(6, system, value, add, remove));
    }

    Node root() {
        return root;
    }
}

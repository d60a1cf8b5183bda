package org.vitalis.ui.registration;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.vitalis.domain.EmergencyContact;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** Emergency contacts: a list with an add row and a remove button. */
final class ContactsEditor {
    private final VBox root;

    ContactsEditor(RegistrationViewModel vm, Messages m) {
        ListView<EmergencyContact> list = Ui.id(new ListView<>(vm.contacts()), "reg-contacts");
        list.setPrefHeight(80);
        list.setAccessibleText(m.get("patient.emergencyContacts"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(EmergencyContact c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.name()
                        + (c.relationship() == null ? "" : " (" + c.relationship() + ")") + " · " + c.phone());
            }
        });
        TextField name = prompt("reg-contact-name", m.get("contact.name"));
        TextField relation = prompt("reg-contact-relationship", m.get("contact.relationship"));
        TextField phone = prompt("reg-contact-phone", m.get("contact.phone"));
        Button add = Ui.id(new Button(m.get("action.add")), "reg-contact-add");
        add.setOnAction(e -> {
            if (vm.addContact(name.getText(), relation.getText(), phone.getText())) {
                name.clear();
                relation.clear();
                phone.clear();
                name.requestFocus();
            }
        });
        Button remove = new Button(m.get("action.remove"));
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.contacts().remove(list.getSelectionModel().getSelectedItem()));
        root = new VBox(6, list, new HBox(6, name, relation, phone, add, remove));
    }

    static TextField prompt(String id, String text) {
        TextField tf = Ui.id(new TextField(), id);
        tf.setPromptText(text);
        tf.setAccessibleText(text);
        tf.setPrefColumnCount(10);
        return tf;
    }

    Node root() {
        return root;
    }
}

package org.vitalis.ui.chart;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.vitalis.domain.EmergencyContact;
import org.vitalis.domain.Patient;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** Who this chart belongs to, at a glance: both names, MRN, age, sex, phone, photo, contacts. */
final class PatientHeader {
    private final HBox root = new HBox(16);
    private final Messages m;

    PatientHeader(ChartViewModel vm, Messages m) {
        this.m = m;
        root.setId("chart-header");
        root.setPadding(new Insets(4, 0, 8, 0));
        vm.patient().addListener((o, a, p) -> show(p));
        show(vm.patient().get());
    }

    private void show(Patient p) {
        root.getChildren().clear();
        if (p == null) {
            return;
        }
        if (p.getPhoto() != null) {
            ImageView photo = new ImageView(new Image(new ByteArrayInputStream(p.getPhoto())));
            photo.setFitHeight(88);
            photo.setFitWidth(88);
            photo.setPreserveRatio(true);
            root.getChildren().add(photo);
        }
        Label name = Ui.id(new Label(p.displayName()), "chart-name");
        name.getStyleClass().add("title-3");
        VBox names = new VBox(2, name);
        if (p.arabicDisplayName() != null) {
            Label ar = Ui.id(new Label(p.arabicDisplayName()), "chart-name-ar");
            ar.getStyleClass().add("title-4");
            names.getChildren().add(ar);
        }
        String facts = m.get("chart.facts", p.getMrn(), m.number(ChartViewModel.age(p.getBirthDate(), LocalDate.now(m.zone()))),
                m.get("sex." + p.getSex().name()), m.date(p.getBirthDate()));
        Label factsLabel = Ui.id(new Label(facts), "chart-facts");
        names.getChildren().add(factsLabel);
        if (p.getPhone() != null) {
            names.getChildren().add(new HBox(6, new Label(m.get("patient.phone") + ":"),
                    Ui.leftToRight(new Label(p.getPhone()))));
        }
        Label provenance = Ui.id(new Label(m.get("chart.provenance", p.getCreatedBy(), m.dateTime(p.getCreatedAt()),
                p.getUpdatedBy(), m.dateTime(p.getUpdatedAt()))), "chart-provenance");
        provenance.getStyleClass().addAll("text-muted", "text-small");
        names.getChildren().add(provenance);
        root.getChildren().add(names);
        if (!p.getEmergencyContacts().isEmpty()) {
            VBox contacts = new VBox(2);
            Label heading = new Label(m.get("patient.emergencyContacts"));
            heading.getStyleClass().add("text-bold");
            contacts.getChildren().add(heading);
            for (EmergencyContact c : p.getEmergencyContacts()) {
                contacts.getChildren().add(new HBox(6, new Label(c.name()
                        + (c.relationship() == null ? "" : " (" + c.relationship() + ")")),
                        Ui.leftToRight(new Label(c.phone()))));
            }
            root.getChildren().addAll(Ui.grow(), contacts);
        }
    }

    Node root() {
        return root;
    }
}

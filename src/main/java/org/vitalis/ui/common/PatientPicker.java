package org.vitalis.ui.common;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.vitalis.domain.PatientSummary;

/**
 * The patient picker of the screens that take something for one patient (intake, ECG, photos): the search field
 * (typing searches; Enter takes a scanned MRN or the single match), its status, the matches, and who was chosen.
 * Node ids are the prefix followed by "-search", "-search-status", "-results" and "-patient".
 */
public final class PatientPicker {
    private PatientPicker() {
    }

    /**
     * @param chosenTitle the words above the chosen patient, e.g. "Readings go to"
     * @param listHeight  preferred height of the matches, px
     */
    public static List<Node> nodes(PatientSearch ps, Messages m, String idPrefix, String chosenTitle,
            double listHeight) {
        TextField search = Ui.id(new TextField(), idPrefix + "-search");
        search.setPromptText(m.get("intake.searchPrompt"));
        search.textProperty().addListener((o, a, t) -> ps.search(t));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                ps.submit(search.getText());
            }
        });
        Label status = Ui.id(new Label(), idPrefix + "-search-status");
        status.textProperty().bind(ps.status());
        status.getStyleClass().add("text-muted");
        Ui.wrapUnlessArabic(status);
        ListView<PatientSummary> list = Ui.id(new ListView<>(ps.results()), idPrefix + "-results");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PatientSummary p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : ps.displayName(p) + "  ·  " + p.mrn());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                ps.patient().set(p);
            }
        });
        list.setPrefHeight(listHeight);
        Label chosenTitleLabel = new Label(chosenTitle);
        chosenTitleLabel.getStyleClass().add("text-muted");
        Label chosen = Ui.id(new Label(), idPrefix + "-patient");
        chosen.getStyleClass().add("title-4");
        chosen.textProperty().bind(Bindings.createStringBinding(() -> ps.patient().get() == null
                ? m.get("intake.noPatient") : ps.displayName(ps.patient().get()) + "\n" + ps.patient().get().mrn(),
                ps.patient()));
        return List.of(Ui.labelFor(search, m.get("intake.search")), search, status, list, chosenTitleLabel, chosen);
    }
}

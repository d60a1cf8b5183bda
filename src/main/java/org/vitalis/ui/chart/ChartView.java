package org.vitalis.ui.chart;

import java.time.Clock;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.vitalis.domain.PatientSummary;
import org.vitalis.registry.VitalsService;
import org.vitalis.security.UserSession;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** A patient's chart: header, vitals entry, vitals table and trend. */
public final class ChartView {
    private final BorderPane root = new BorderPane();

    /**
     * {@code onEdit} receives the loaded patient to edit; {@code onBack} returns to the patient list; {@code onEcgs}
     * shows the patient's ECGs; {@code onPhotos} opens the patient's lesion photos (null: no link, this user has no
     * photo screen).
     */
    public ChartView(ChartViewModel vm, VitalsService vitals, UserSession session, Async async, Messages m,
            java.util.function.Consumer<org.vitalis.domain.Patient> onEdit, Runnable onBack, Runnable onEcgs,
            java.util.function.Consumer<PatientSummary> onPhotos) {
        Button back = Ui.id(new Button(m.get("chart.back")), "chart-back");
        back.setOnAction(e -> onBack.run());
        Button ecgs = Ui.id(new Button(m.get("chart.ecgs")), "chart-ecgs");
        ecgs.setOnAction(e -> onEcgs.run());
        HBox actions = new HBox(8, back, ecgs);
        if (vm.canEdit()) {
            Button edit = Ui.id(new Button(m.get("chart.edit")), "chart-edit");
            edit.disableProperty().bind(vm.patient().isNull());
            edit.setOnAction(e -> onEdit.accept(vm.patient().get()));
            actions.getChildren().add(edit);
        }
        if (onPhotos != null) {
            Button photos = Ui.id(new Button(m.get("chart.photos")), "chart-photos");
            photos.disableProperty().bind(vm.patient().isNull());
            photos.setOnAction(e -> {
                org.vitalis.domain.Patient p = vm.patient().get();
                onPhotos.accept(new PatientSummary(p.getId(), p.getMrn(), p.getGivenName(), p.getFamilyName(),
                        p.getGivenNameArabic(), p.getFamilyNameArabic(), p.getBirthDate(), p.getSex(), p.getPhone()));
            });
            actions.getChildren().add(photos);
        }
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(20, 20);
        loading.visibleProperty().bind(vm.loading());
        Label message = Ui.error("chart-message");
        message.textProperty().bind(vm.message());
        actions.getChildren().addAll(loading, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        PatientHeader header = new PatientHeader(vm, m);
        HBox top = new HBox(12, header.root(), Ui.grow(), actions);
        HBox.setHgrow(header.root(), Priority.SOMETIMES);
        top.setAlignment(Pos.TOP_LEFT);
        root.setTop(top);

        SplitPane data = new SplitPane(VitalsTable.create(vm, m), new TrendChart(vm, m).root());
        data.setOrientation(javafx.geometry.Orientation.VERTICAL);
        data.setDividerPositions(0.5);
        root.setCenter(data);
        if (vm.canRecord()) {
            VitalsFormViewModel form = new VitalsFormViewModel(vitals, session, async, m, Clock.systemUTC(),
                    vm.patientId());
            VitalsFormView formView = new VitalsFormView(form, m, stored -> vm.reloadVitals());
            root.setLeft(formView.root());
            root.setBottom(formView.outcome());
            BorderPane.setMargin(formView.outcome(), new Insets(8, 0, 0, 0));
        }
        root.setPadding(new Insets(16));
        vm.load();
    }

    public Parent root() {
        return root;
    }
}

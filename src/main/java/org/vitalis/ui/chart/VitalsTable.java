package org.vitalis.ui.chart;

import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.vitalis.domain.Flag;
import org.vitalis.domain.Observation;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** Observations newest first, with the flag as coloured text. */
final class VitalsTable {
    private VitalsTable() {
    }

    static TableView<Observation> create(ChartViewModel vm, Messages m) {
        TableView<Observation> t = Ui.id(new TableView<>(vm.observations()), "chart-vitals-table");
        t.setAccessibleText(m.get("chart.vitals"));
        t.setPlaceholder(new Label(m.get("chart.noVitals")));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Observation, String> taken = col(m.get("vitals.takenAt"), o -> m.dateTime(o.getEffectiveAt()));
        taken.setPrefWidth(190);
        t.getColumns().add(taken);
        t.getColumns().add(col(m.get("vitals.sign"), o -> m.get("sign." + o.sign().name())));
        t.getColumns().add(col(m.get("vitals.value"), o -> m.number(o.getValue()) + " " + m.get("unit." + o.sign().name())));
        TableColumn<Observation, Flag> flag = new TableColumn<>(m.get("vitals.flag"));
        flag.setCellValueFactory(d -> new SimpleObjectProperty<>(d.getValue().getFlag()));
        flag.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Flag f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : Flags.text(f, m));
                Flags.style(this, empty ? null : f);
            }
        });
        t.getColumns().add(flag);
        t.getColumns().add(col(m.get("vitals.source"), o -> source(o, m)));
        t.getColumns().add(col(m.get("vitals.enteredBy"), Observation::getRecordedBy));
        return t;
    }

    private static String source(Observation o, Messages m) {
        return switch (o.getSource()) {
            case Observation.SOURCE_MANUAL -> m.get("source.manual");
            case Observation.SOURCE_DERIVED -> m.get("source.derived");
            default -> o.getSource();
        };
    }

    private static TableColumn<Observation, String> col(String title, Function<Observation, String> value) {
        TableColumn<Observation, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }
}

package org.vitalis.ui.devices;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.vitalis.device.driver.DeviceState;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** The station's devices: live state and counters, and an editor to add, change and detect devices. */
public final class DevicesView implements AutoCloseable {
    private final BorderPane root = new BorderPane();
    private final Timeline counters;

    public DevicesView(DevicesViewModel vm, Messages m) {
        root.setId("devices");
        root.setPadding(new Insets(12));
        Label title = new Label(m.get("devices.title"));
        title.getStyleClass().add("title-3");
        if (!vm.available()) {
            Label none = Ui.id(new Label(m.get("devices.unavailable")), "devices-unavailable");
            Ui.wrapUnlessArabic(none);
            root.setTop(title);
            root.setCenter(none);
            counters = null;
            return;
        }
        TableView<DevicesViewModel.Row> table = Ui.id(new TableView<>(vm.rows()), "devices-table");
        table.setPlaceholder(new Label(m.get("devices.empty")));
        table.getColumns().add(column(m.get("devices.name"), DevicesViewModel.Row::name, 140));
        table.getColumns().add(column(m.get("devices.protocol"), DevicesViewModel.Row::protocol, 120));
        TableColumn<DevicesViewModel.Row, String> portCol = column(m.get("devices.port"), DevicesViewModel.Row::port, 110);
        portCol.setCellFactory(c -> leftToRightCell());
        table.getColumns().add(portCol);
        TableColumn<DevicesViewModel.Row, String> settingsCol = column(m.get("devices.settings"),
                DevicesViewModel.Row::settings, 130);
        settingsCol.setCellFactory(c -> leftToRightCell());
        table.getColumns().add(settingsCol);
        TableColumn<DevicesViewModel.Row, DevicesViewModel.Row> state = new TableColumn<>(m.get("devices.state"));
        state.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(DevicesViewModel.Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("device-ok", "device-trouble");
                setText(empty || r == null ? null : r.stateText());
                if (!empty && r != null) {
                    getStyleClass().add(r.state() == DeviceState.STREAMING ? "device-ok"
                            : r.state() == DeviceState.STOPPED ? "device-idle" : "device-trouble");
                }
            }
        });
        state.setPrefWidth(150);
        table.getColumns().add(state);
        table.getColumns().add(column(m.get("devices.lastReading"), DevicesViewModel.Row::lastReading, 180));
        table.getColumns().add(column(m.get("devices.frames"), DevicesViewModel.Row::frames, 80));
        TableColumn<DevicesViewModel.Row, String> skipped = column(m.get("devices.skipped"),
                DevicesViewModel.Row::skipped, 135);
        skipped.setMinWidth(135);
        table.getColumns().add(skipped);
        table.getColumns().add(column(m.get("devices.signal"), DevicesViewModel.Row::signal, 70));
        table.getColumns().add(column(m.get("devices.battery"), DevicesViewModel.Row::battery, 80));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button connect = Ui.id(new Button(m.get("devices.connect")), "devices-connect");
        Button disconnect = Ui.id(new Button(m.get("devices.disconnect")), "devices-disconnect");
        Button remove = Ui.id(new Button(m.get("devices.remove")), "devices-remove");
        var selected = table.getSelectionModel().selectedItemProperty();
        connect.disableProperty().bind(selected.isNull());
        disconnect.disableProperty().bind(selected.isNull());
        remove.disableProperty().bind(selected.isNull());
        connect.setOnAction(e -> vm.connect(selected.get().id()));
        disconnect.setOnAction(e -> vm.disconnect(selected.get().id()));
        remove.setOnAction(e -> vm.remove(selected.get().id()));
        selected.addListener((o, a, r) -> {
            if (r != null && (a == null || !a.id().equals(r.id()))) {
                vm.edit(r);
            }
        });
        // Refreshing replaces the rows; keep the user's selection on the same device.
        vm.rows().addListener((javafx.collections.ListChangeListener<DevicesViewModel.Row>) c -> {
            String id = vm.editingId().get();
            if (id != null && (selected.get() == null || !selected.get().id().equals(id))) {
                vm.rows().stream().filter(r -> r.id().equals(id)).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
        HBox rowActions = new HBox(8, connect, disconnect, remove);

        root.setTop(title);
        VBox center = new VBox(8, table, rowActions);
        VBox.setVgrow(table, Priority.ALWAYS);
        center.setPadding(new Insets(8, 0, 8, 0));
        root.setCenter(center);
        root.setBottom(editor(vm, m));

        counters = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.refresh()));
        counters.setCycleCount(Animation.INDEFINITE);
        counters.play();
    }

    private static Parent editor(DevicesViewModel vm, Messages m) {
        TextField name = Ui.id(new TextField(), "devices-edit-name");
        name.textProperty().bindBidirectional(vm.name());
        ComboBox<String> protocol = Ui.id(new ComboBox<>(vm.protocols()), "devices-edit-protocol");
        protocol.valueProperty().bindBidirectional(vm.protocol());
        ComboBox<String> port = Ui.id(new ComboBox<>(vm.ports()), "devices-edit-port");
        port.setEditable(true);
        port.setPrefWidth(220);
        port.setPromptText(m.get("devices.portPrompt"));
        port.getEditor().textProperty().bindBidirectional(vm.port());
        Ui.leftToRight(port);
        TextField settings = Ui.leftToRight(Ui.id(new TextField(), "devices-edit-settings"));
        settings.textProperty().bindBidirectional(vm.settings());
        settings.setPrefColumnCount(12);
        GridPane grid = new GridPane(8, 6);
        grid.addRow(0, Ui.labelFor(name, m.get("devices.name")), name, Ui.labelFor(protocol, m.get("devices.protocol")),
                protocol);
        grid.addRow(1, Ui.labelFor(port, m.get("devices.port")), port, Ui.labelFor(settings, m.get("devices.settings")),
                settings);
        Button add = Ui.id(new Button(m.get("devices.new")), "devices-new");
        add.setOnAction(e -> vm.newDevice());
        Button save = Ui.id(new Button(m.get("devices.save")), "devices-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.save());
        Button detect = Ui.id(new Button(m.get("devices.detect")), "devices-detect");
        detect.disableProperty().bind(vm.detecting());
        detect.setOnAction(e -> vm.detect());
        HBox actions = new HBox(8, add, save, detect);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label heading = new Label();
        heading.textProperty().bind(javafx.beans.binding.Bindings.when(vm.editingId().isNull())
                .then(m.get("devices.adding")).otherwise(m.get("devices.editing")));
        heading.getStyleClass().add("title-4");
        Label problem = Ui.error("devices-problem");
        problem.textProperty().bind(vm.problem());
        Label result = Ui.id(new Label(), "devices-detect-result");
        result.textProperty().bind(vm.detectResult());
        Ui.wrapUnlessArabic(result);
        VBox box = new VBox(8, heading, grid, actions, problem, result);
        box.setPadding(new Insets(8, 0, 0, 0));
        box.getStyleClass().add("devices-editor");
        return box;
    }

    private static TableColumn<DevicesViewModel.Row, String> column(String title,
            java.util.function.Function<DevicesViewModel.Row, String> value, double width) {
        TableColumn<DevicesViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableCell<DevicesViewModel.Row, String> leftToRightCell() {
        TableCell<DevicesViewModel.Row, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
            }
        };
        // Paths and "115200 8N1" read left to right even in Arabic.
        cell.setNodeOrientation(javafx.geometry.NodeOrientation.LEFT_TO_RIGHT);
        return cell;
    }

    public Parent root() {
        return root;
    }

    @Override
    public void close() {
        if (counters != null) {
            counters.stop();
        }
    }
}

package org.vitalis.ui.intake;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.vitalis.domain.Flag;
import org.vitalis.domain.Observation;
import org.vitalis.ui.chart.Flags;
import org.vitalis.ui.common.PatientPicker;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** The intake screen: patient on the side, each device's newest reading in large type, one action to attach. */
public final class IntakeView implements AutoCloseable {
    /** Redraw the traces at most this often; the eye needs no more and the FX thread has other work. */
    private static final long FRAME_NANOS = 40_000_000L;
    private static final double TRACE_SECONDS = 4;

    private final BorderPane root = new BorderPane();
    private final List<Runnable> painters = new ArrayList<>();
    private final AnimationTimer traces;

    public IntakeView(IntakeViewModel vm, Messages m) {
        root.setId("intake");
        root.setPadding(new Insets(12));
        root.setLeft(patientPicker(vm, m));
        if (!vm.available()) {
            Label none = Ui.id(new Label(m.get("devices.unavailable")), "intake-unavailable");
            Ui.wrapUnlessArabic(none);
            root.setCenter(none);
            traces = null;
            return;
        }
        FlowPane cards = Ui.id(new FlowPane(12, 12), "intake-cards");
        cards.setPadding(new Insets(0, 12, 12, 12));
        Runnable rebuild = () -> {
            painters.clear();
            cards.getChildren().setAll(vm.cards().stream().map(c -> card(vm, c, m)).toList());
        };
        vm.cards().addListener((ListChangeListener<IntakeViewModel.Card>) c -> rebuild.run());
        rebuild.run();
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        root.setCenter(scroll);
        root.setBottom(attachBar(vm, m));
        traces = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last >= FRAME_NANOS) {
                    last = now;
                    painters.forEach(Runnable::run);
                }
            }
        };
        traces.start();
    }

    private static Node patientPicker(IntakeViewModel vm, Messages m) {
        Label title = new Label(m.get("intake.title"));
        title.getStyleClass().add("title-3");
        VBox box = new VBox(8, title);
        box.getChildren().addAll(PatientPicker.nodes(vm.search(), m, "intake", m.get("intake.patient"), 260));
        box.setPrefWidth(280);
        box.setMinWidth(260);
        box.setPadding(new Insets(0, 12, 0, 0));
        return box;
    }

    private Node card(IntakeViewModel vm, IntakeViewModel.Card c, Messages m) {
        Label name = new Label();
        name.textProperty().bind(c.name());
        name.getStyleClass().add("title-4");
        Label state = Ui.id(new Label(), "intake-state-" + c.deviceId());
        state.textProperty().bind(c.state());
        state.getStyleClass().add("text-muted");
        GridPane values = new GridPane(10, 6);
        Runnable fill = () -> {
            values.getChildren().clear();
            int row = 0;
            for (IntakeViewModel.Value v : c.values()) {
                String id = "intake-" + c.deviceId() + "-" + v.sign().name();
                TextField field = Ui.leftToRight(Ui.id(new TextField(), id));
                field.getStyleClass().add("intake-value");
                field.setPrefColumnCount(4);
                field.textProperty().bindBidirectional(v.text());
                Label unit = new Label(m.get("unit." + v.sign().name()));
                unit.getStyleClass().add("text-muted");
                unit.setMinWidth(Label.USE_PREF_SIZE);
                Label flag = Ui.id(new Label(), id + "-flag");
                flag.getStyleClass().add("flag-chip");
                flag.setMinWidth(Label.USE_PREF_SIZE);
                Runnable showFlag = () -> {
                    Flag f = v.flag().get();
                    flag.setText(f == null ? "" : Flags.text(f, m));
                    Flags.style(flag, f);
                    Flags.style(field, f);
                };
                v.flag().addListener((o, a, f) -> showFlag.run());
                showFlag.run();
                Label sign = Ui.labelFor(field, m.get("sign." + v.sign().name()));
                values.addRow(row++, sign, field, unit, flag);
            }
        };
        c.values().addListener((ListChangeListener<IntakeViewModel.Value>) ch -> fill.run());
        fill.run();
        Label waiting = Ui.id(new Label(), "intake-waiting-" + c.deviceId());
        waiting.textProperty().bind(Bindings.when(c.hasWaveform()).then(m.get("intake.waveformOnly"))
                .otherwise(m.get("intake.waiting")));
        waiting.getStyleClass().add("text-muted");
        waiting.visibleProperty().bind(Bindings.isEmpty(c.values()));
        waiting.managedProperty().bind(waiting.visibleProperty());
        Label held = new Label(m.get("intake.held"));
        held.getStyleClass().add("text-muted");
        held.visibleProperty().bind(c.held());
        held.managedProperty().bind(held.visibleProperty());
        Canvas wave = Ui.id(new Canvas(340, 80), "intake-wave-" + c.deviceId());
        // Time runs left to right on a trace whatever the language.
        wave.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        wave.visibleProperty().bind(c.hasWaveform());
        wave.managedProperty().bind(wave.visibleProperty());
        painters.add(() -> draw(wave, c.waveform()));
        VBox box = new VBox(8, new VBox(2, name, state), waiting, values, held, wave);
        box.getStyleClass().add("intake-card");
        box.setPadding(new Insets(12));
        box.setMinWidth(360);
        return box;
    }

    private static void draw(Canvas canvas, Waveform w) {
        double[] all = w.samples();
        // A fixed time window, so the trace's speed on screen does not change as the buffer fills.
        int window = w.sampleRateHz() > 0 ? (int) Math.round(w.sampleRateHz() * TRACE_SECONDS) : all.length;
        double[] s = all.length > window ? java.util.Arrays.copyOfRange(all, all.length - window, all.length) : all;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.setFill(Color.rgb(16, 24, 32));
        g.fillRect(0, 0, width, height);
        if (s.length < 2) {
            return;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : s) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double span = max - min < 1e-9 ? 1 : max - min;
        g.setStroke(Color.rgb(80, 220, 120));
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < s.length; i++) {
            double x = i * (width - 1) / Math.max(1, window - 1);
            double y = height - 4 - (s[i] - min) / span * (height - 8);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }

    private static Node attachBar(IntakeViewModel vm, Messages m) {
        Button attach = Ui.id(new Button(), "intake-attach");
        attach.textProperty().bind(vm.attachText());
        attach.getStyleClass().addAll("accent", "large");
        attach.disableProperty().bind(vm.patient().isNull().or(vm.busy()));
        attach.setOnAction(e -> vm.attach());
        VBox problems = Ui.id(new VBox(4), "intake-problems");
        vm.problems().addListener((ListChangeListener<String>) c -> problems.getChildren().setAll(
                vm.problems().stream().map(t -> {
                    Label l = new Label(t);
                    Ui.wrapUnlessArabic(l);
                    l.getStyleClass().add("error-text");
                    return (Node) l;
                }).toList()));
        Label storedTitle = new Label(m.get("intake.stored"));
        storedTitle.getStyleClass().add("text-muted");
        storedTitle.visibleProperty().bind(Bindings.isNotEmpty(vm.recorded()));
        storedTitle.managedProperty().bind(storedTitle.visibleProperty());
        FlowPane recorded = Ui.id(new FlowPane(6, 6), "intake-recorded");
        vm.recorded().addListener((ListChangeListener<Observation>) c -> recorded.getChildren().setAll(
                vm.recorded().stream().map(o -> chip(o, m)).toList()));
        HBox actions = new HBox(12, attach);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, actions, problems, storedTitle, recorded);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private static Node chip(Observation o, Messages m) {
        String source = Observation.SOURCE_MANUAL.equals(o.getSource()) ? m.get("intake.sourceManual")
                : m.get("intake.sourceDevice");
        Label l = new Label(m.get("sign." + o.sign().name()) + " " + m.number(o.getValue()) + " "
                + m.get("unit." + o.sign().name()) + " · " + Flags.text(o.getFlag(), m) + " · " + source);
        l.getStyleClass().add("flag-chip");
        Flags.style(l, o.getFlag());
        return l;
    }

    public Parent root() {
        return root;
    }

    @Override
    public void close() {
        if (traces != null) {
            traces.stop();
        }
    }
}

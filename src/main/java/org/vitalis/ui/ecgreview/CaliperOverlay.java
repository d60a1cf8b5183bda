package org.vitalis.ui.ecgreview;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.ecg.EcgColors;
import org.vitalis.ui.ecg.EcgStrip;
import org.vitalis.ui.ecg.EcgText;

/**
 * Calipers drawn over a strip: press, drag and release spans two points; the reading shows beside the caliper and
 * in {@link #text()}. Esc clears. A transparent canvas of its own, so the strip underneath is never redrawn.
 */
final class CaliperOverlay {
    private final Canvas canvas = new Canvas();
    private final Label readout = new Label();
    private final Canvas under;
    private final EcgStrip strip;
    private final Messages m;
    private final StringProperty text = new SimpleStringProperty("");
    private EcgColors colors = EcgColors.LIGHT;
    private Caliper caliper;

    CaliperOverlay(Canvas under, EcgStrip strip, Messages m) {
        this.under = under;
        this.strip = strip;
        this.m = m;
        canvas.setId("ecgreview-calipers");
        canvas.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        canvas.setFocusTraversable(true);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            canvas.requestFocus();
            span(new Caliper(e.getX(), e.getY(), e.getX(), e.getY()));
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (caliper != null) {
                span(new Caliper(caliper.x1(), caliper.y1(), clampX(e.getX()), clampY(e.getY())));
            }
        });
        canvas.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                clear();
                e.consume();
            }
        });
        canvas.setAccessibleText(m.get("ecgreview.caliperHint"));
        readout.setId("ecgreview-caliper-readout");
        readout.textProperty().bind(text);
        readout.visibleProperty().bind(text.isNotEmpty());
        readout.setMouseTransparent(true);
        readout.setManaged(false);
        readout.setNodeOrientation(m.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        readout.getStyleClass().add("text-bold");
        colors(colors);
    }

    /** The reading shown beside the caliper; it goes on top of the strip with the overlay. */
    Label readout() {
        return readout;
    }

    Canvas canvas() {
        return canvas;
    }

    ReadOnlyStringProperty text() {
        return text;
    }

    void colors(EcgColors c) {
        colors = c;
        readout.setTextFill(c.marks());
        readout.setBackground(new Background(new BackgroundFill(c.paper().deriveColor(0, 1, 1, 0.85),
                new CornerRadii(3), Insets.EMPTY)));
        readout.setPadding(new Insets(1, 4, 1, 4));
        draw();
    }

    /** Follows the strip's size. */
    void fit() {
        canvas.setWidth(under.getWidth());
        canvas.setHeight(under.getHeight());
        draw();
    }

    void clear() {
        caliper = null;
        text.set("");
        draw();
    }

    /** Spans the caliper between two points of the strip, in the strip's pixels. */
    void span(Caliper c) {
        caliper = c;
        Caliper.Reading r = c.read(strip.paper());
        text.set(r.milliseconds() <= 0 ? "" : m.get("ecgreview.caliperReading", EcgText.decimal(Math.round(r.milliseconds()), m),
                EcgText.decimal(Math.round(r.millivolts() * 100) / 100.0, m),
                Double.isFinite(r.rateBpm()) ? EcgText.decimal(Math.round(r.rateBpm()), m) : "-"));
        draw();
    }

    private double clampX(double x) {
        return Math.max(0, Math.min(canvas.getWidth(), x));
    }

    private double clampY(double y) {
        return Math.max(0, Math.min(canvas.getHeight(), y));
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (caliper == null || text.get().isEmpty()) {
            return;
        }
        double x1 = caliper.x1();
        double x2 = caliper.x2();
        double y1 = caliper.y1();
        double y2 = caliper.y2();
        g.setStroke(colors.marks());
        g.setLineWidth(1.5);
        g.strokeLine(x1, y1 - 40, x1, y1 + 40);
        g.strokeLine(x2, y2 - 40, x2, y2 + 40);
        g.setLineDashes(4, 3);
        g.strokeLine(x1, y1, x2, y1);
        g.strokeLine(x2, y1, x2, y2);
        g.setLineDashes();
        g.setFill(colors.marks());
        g.fillOval(x1 - 3, y1 - 3, 6, 6);
        g.fillOval(x2 - 3, y2 - 3, 6, 6);
        // The reading sits beside the caliper's end, on the side with room, inside the strip. A label, not canvas
        // text, so that an Arabic reading is laid out right to left like the rest of the screen.
        readout.applyCss();
        double w = readout.prefWidth(-1);
        double h = readout.prefHeight(w);
        boolean rightSide = Math.max(x1, x2) + w + 16 < canvas.getWidth();
        readout.resizeRelocate(rightSide ? Math.max(x1, x2) + 8 : Math.max(0, Math.min(x1, x2) - 8 - w),
                Math.max(0, Math.min(y1, y2) - h - 6), w, h);
    }
}

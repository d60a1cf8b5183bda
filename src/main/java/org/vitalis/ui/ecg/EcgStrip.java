package org.vitalis.ui.ecg;

import java.util.List;
import javafx.geometry.NodeOrientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * A recording on paper, one page at a time: the same grid, pulses and traces as the live sweep, with a mark at each
 * detected beat. Long recordings are read by moving the page ({@link #startS(double)}).
 */
public final class EcgStrip {
    private final Canvas canvas;
    private EcgPaper paper;
    private EcgColors colors = EcgColors.LIGHT;
    private List<LeadSignal> leads = List.of();
    private int[] beats = new int[0];
    private double durationS;
    private double startS;
    private EcgLayout layout;

    public EcgStrip(Canvas canvas, EcgPaper paper) {
        this.canvas = canvas;
        this.paper = paper;
        canvas.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
    }

    public Canvas canvas() {
        return canvas;
    }

    /** The leads of one recording (all of one sampling rate) and its beats as sample numbers. */
    public void show(List<LeadSignal> recording, int[] beatSamples) {
        leads = List.copyOf(recording);
        beats = beatSamples.clone();
        durationS = leads.isEmpty() ? 0 : leads.getFirst().end() / leads.getFirst().samplingFrequency();
        startS = 0;
        layout = null;
        paint();
    }

    public void paper(EcgPaper p) {
        paper = p;
        layout = null;
        paint();
    }

    public EcgPaper paper() {
        return paper;
    }

    public void colors(EcgColors c) {
        colors = c;
        paint();
    }

    public void width(double w) {
        if (w > 0 && w != canvas.getWidth()) {
            canvas.setWidth(w);
            layout = null;
            paint();
        }
    }

    public double durationS() {
        return durationS;
    }

    public double startS() {
        return startS;
    }

    /** Moves the page so it starts {@code seconds} into the recording (kept within the recording). */
    public void startS(double seconds) {
        double latest = layout == null ? 0 : Math.max(0, durationS - layout.pageSeconds());
        startS = Math.max(0, Math.min(latest, seconds));
        paint();
    }

    public EcgLayout layout() {
        return layout;
    }

    public void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (layout == null) {
            layout = EcgLayout.of(leads, paper, canvas.getWidth(), true);
            canvas.setHeight(layout.height());
            startS = Math.max(0, Math.min(startS, durationS - layout.pageSeconds()));
        }
        EcgPainter.paper(g, layout, colors, 0, layout.width());
        if (leads.isEmpty()) {
            return;
        }
        double fs = leads.getFirst().samplingFrequency();
        EcgPainter.trace(g, layout, colors, startS, EcgPainter.firstIndex(startS, fs),
                EcgPainter.firstIndex(startS + layout.pageSeconds(), fs));
        EcgPainter.beats(g, layout, colors, startS, beats, fs);
    }
}

package org.vitalis.ui.ecg;

import java.util.List;
import javafx.geometry.NodeOrientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * A live device's leads drawn as a monitor sweeps: the trace is written left to right and wraps, an erase bar just
 * ahead of it clears the previous pass. Each frame draws only the pixel columns that new samples reach, and never
 * more than one page however many samples arrived, so a device sending far too fast costs the screen a bounded
 * amount of work. Frozen, it shows any page of the buffered minutes instead.
 *
 * <p>A pixel column is drawn once all its samples are in (with more samples than columns each column holds a
 * minimum and a maximum), so a frame never has to redraw part of the previous one.
 */
public final class EcgSweep {
    /** The blank stretch ahead of the sweep, so the newest trace is never confused with the previous pass. */
    static final double ERASE_MM = 6;

    private final Canvas canvas;
    private EcgPaper paper;
    private EcgColors colors = EcgColors.LIGHT;
    private DeviceTrace trace;
    private EcgLayout layout;
    private List<String> labels = List.of();
    private int generation = -1;
    private boolean repaint = true;
    private long drawnTo;
    private long drawn;
    private long skipped;
    private boolean frozen;
    private double frozenStartS;

    public EcgSweep(Canvas canvas, EcgPaper paper) {
        this.canvas = canvas;
        this.paper = paper;
        // Time runs left to right on a strip whatever the language of the screen around it.
        canvas.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
    }

    public Canvas canvas() {
        return canvas;
    }

    public void show(DeviceTrace t) {
        if (t != trace) {
            trace = t;
            layout = null;
            repaint = true;
        }
    }

    public DeviceTrace trace() {
        return trace;
    }

    public EcgPaper paper() {
        return paper;
    }

    public void paper(EcgPaper p) {
        paper = p;
        layout = null;
        repaint = true;
    }

    public void colors(EcgColors c) {
        colors = c;
        repaint = true;
    }

    /** The canvas width changed: the page is laid out again on the next frame. */
    public void width(double w) {
        if (w > 0 && w != canvas.getWidth()) {
            canvas.setWidth(w);
            layout = null;
            repaint = true;
        }
    }

    public EcgLayout layout() {
        return layout;
    }

    /** Samples (per time, across all leads) the sweep has drawn. */
    public long drawn() {
        return drawn;
    }

    /** Samples that arrived faster than one page per frame and were passed over on screen (never in the buffer). */
    public long skipped() {
        return skipped;
    }

    public boolean frozen() {
        return frozen;
    }

    /** Stops the sweep at its last page; {@link #showPage} then moves through the buffer. */
    public void freeze(boolean freeze) {
        if (freeze == frozen) {
            return;
        }
        frozen = freeze;
        if (freeze && trace != null && layout != null) {
            frozenStartS = Math.max(bufferedStartS(), bufferedEndS() - layout.pageSeconds());
        }
        repaint = true;
    }

    /** While frozen, the page that starts {@code startS} seconds into the device's clock. */
    public void showPage(double startS) {
        frozenStartS = startS;
        repaint = true;
    }

    public double pageStartS() {
        return frozenStartS;
    }

    /** Seconds on the device's clock of the oldest sample every lead still holds. */
    public double bufferedStartS() {
        return trace == null ? 0 : trace.commonStart() / trace.samplingFrequency();
    }

    public double bufferedEndS() {
        return trace == null ? 0 : trace.commonEnd() / trace.samplingFrequency();
    }

    /** Draws what is new since the last frame. */
    public void frame() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (trace == null) {
            if (repaint || layout == null) {
                layout = EcgLayout.of(List.of(), paper, canvas.getWidth(), true);
                EcgPainter.paper(g, layout, colors, 0, layout.width());
                repaint = false;
            }
            return;
        }
        List<LeadSignal> leads = trace.leads();
        List<String> now = leads.stream().map(LeadSignal::label).toList();
        if (layout == null || !now.equals(labels) || generation != trace.generation()) {
            labels = now;
            generation = trace.generation();
            layout = EcgLayout.of(leads, paper, canvas.getWidth(), true);
            canvas.setHeight(layout.height());
            repaint = true;
        }
        if (frozen) {
            if (repaint) {
                paintPage(g, frozenStartS);
                repaint = false;
            }
            return;
        }
        double fs = trace.samplingFrequency();
        long window = windowSamples(fs);
        long newTo = holdBack(trace.commonEnd(), fs);
        if (repaint) {
            EcgPainter.paper(g, layout, colors, 0, layout.width());
            drawnTo = Math.max(trace.commonStart(), newTo - window);
            repaint = false;
        }
        drawnTo = Math.max(drawnTo, trace.commonStart());
        if (newTo <= drawnTo) {
            return;
        }
        if (newTo - drawnTo > window) {
            skipped += newTo - window - drawnTo;
            drawnTo = newTo - window;
            EcgPainter.paper(g, layout, colors, 0, layout.width());
        }
        erase(g, drawnTo / fs, (newTo - 1) / fs + ERASE_MM / paper.speedMmPerS());
        double page = layout.pageSeconds();
        for (long p = (long) Math.floor(drawnTo / fs / page); p <= (long) Math.floor((newTo - 1) / fs / page); p++) {
            long a = Math.max(drawnTo, EcgPainter.firstIndex(p * page, fs));
            long b = Math.min(newTo, EcgPainter.firstIndex((p + 1) * page, fs));
            if (b > a) {
                EcgPainter.trace(g, layout, colors, p * page, a, b);
            }
        }
        drawn += newTo - drawnTo;
        drawnTo = newTo;
    }

    /** Samples that fit on a page less the erase bar: more than this in one frame and the oldest are passed over. */
    private long windowSamples(double fs) {
        return Math.max(1, (long) Math.floor((layout.pageSeconds() - ERASE_MM / paper.speedMmPerS()) * fs));
    }

    /** The end of the samples whose pixel columns are complete: the last column waits for the rest of its samples. */
    private long holdBack(long end, double fs) {
        if (fs <= paper.pxPerSecond() || end <= drawnTo) {
            return end;
        }
        double page = layout.pageSeconds();
        double t = (end - 1) / fs;
        double pageStart = Math.floor(t / page) * page;
        double column = Math.floor(layout.x(t - pageStart));
        long first = EcgPainter.firstIndex(pageStart + (column - layout.margin()) / paper.pxPerSecond(), fs);
        return Math.max(first, EcgPainter.firstIndex(pageStart, fs));
    }

    /** Paper over the sweep positions of the times [t0, t1], wrapping at the page's end. */
    private void erase(GraphicsContext g, double t0, double t1) {
        double page = layout.pageSeconds();
        for (long p = (long) Math.floor(t0 / page); p <= (long) Math.floor(t1 / page); p++) {
            double from = Math.max(t0, p * page) - p * page;
            double to = Math.min(t1, (p + 1) * page) - p * page;
            if (to > from) {
                EcgPainter.paper(g, layout, colors, Math.floor(layout.x(from)), Math.ceil(layout.x(to)) + 1);
            }
        }
    }

    private void paintPage(GraphicsContext g, double startS) {
        EcgPainter.paper(g, layout, colors, 0, layout.width());
        double fs = trace.samplingFrequency();
        EcgPainter.trace(g, layout, colors, startS, EcgPainter.firstIndex(startS, fs),
                EcgPainter.firstIndex(startS + layout.pageSeconds(), fs));
    }
}

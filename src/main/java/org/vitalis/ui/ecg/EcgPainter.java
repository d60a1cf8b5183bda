package org.vitalis.ui.ecg;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws ECG paper and traces on a canvas: the millimetre grid (minor 1 mm, major 5 mm), a 1 mV calibration pulse
 * at the start of each row, lead labels, and the leads at the paper's true scale. Live sweeps and stored recordings
 * use the same code, so both look alike and measure alike.
 */
final class EcgPainter {
    private static final double TRACE_WIDTH = 1.4;
    private static final Font LABEL = Font.font("System", FontWeight.BOLD, 12);
    /** Room a lead label takes from its column's start, with its margin ("aVR" in bold 12 px is under 8 mm). */
    private static final double LABEL_WIDTH_MM = 10;

    private EcgPainter() {
    }

    /** Paper (grid, pulses, labels) over the columns [x0, x1), leaving everything else on the canvas as it was. */
    static void paper(GraphicsContext g, EcgLayout layout, EcgColors colors, double x0, double x1) {
        double from = Math.max(0, Math.floor(x0));
        double to = Math.min(layout.width(), Math.ceil(x1));
        if (to <= from) {
            return;
        }
        // No clip: a clip costs the software pipeline a mask of the whole canvas, and everything here stays within
        // [from, to) but for lead labels, which redraw themselves identically.
        g.setFill(colors.paper());
        g.fillRect(from, 0, to - from, layout.height());
        grid(g, layout, colors, from, to, false);
        grid(g, layout, colors, from, to, true);
        furniture(g, layout, colors, from, to);
    }

    private static void grid(GraphicsContext g, EcgLayout layout, EcgColors colors, double from, double to,
            boolean major) {
        double mm = layout.paper().pxPerMm();
        g.setStroke(major ? colors.major() : colors.minor());
        g.setLineWidth(1);
        g.setLineCap(StrokeLineCap.BUTT);
        g.beginPath();
        // Lines are counted from the page's time zero, so each major line marks 0.2 s at 25 mm/s.
        long first = (long) Math.floor((from - layout.margin()) / mm) - 1;
        long last = (long) Math.ceil((to - layout.margin()) / mm) + 1;
        for (long k = first; k <= last; k++) {
            double x = crisp(layout.margin() + k * mm);
            if ((Math.floorMod(k, 5) == 0) == major && x > from && x < to) {
                g.moveTo(x, 0);
                g.lineTo(x, layout.height());
            }
        }
        long rowsOfLines = (long) Math.floor(layout.height() / mm);
        for (long k = 0; k <= rowsOfLines; k++) {
            if ((k % 5 == 0) == major) {
                double y = crisp(k * mm);
                g.moveTo(from, y);
                g.lineTo(to, y);
            }
        }
        g.stroke();
    }

    /** Half-pixel positions keep one-pixel lines sharp instead of smeared over two pixels. */
    private static double crisp(double v) {
        return Math.round(v) + 0.5;
    }

    /** Calibration pulses, lead labels and column bars, those that reach into the columns [from, to). */
    private static void furniture(GraphicsContext g, EcgLayout layout, EcgColors colors, double from, double to) {
        double mm = layout.paper().pxPerMm();
        double pulseStart = EcgLayout.GAP_MM * mm;
        double pulseEnd = pulseStart + EcgLayout.PULSE_SECONDS * layout.paper().pxPerSecond();
        double pulseHeight = EcgLayout.PULSE_MV * layout.paper().pxPerMillivolt();
        boolean margin = from < layout.margin() + 1;
        g.setStroke(colors.trace());
        g.setLineWidth(TRACE_WIDTH);
        g.setFill(colors.text());
        g.setFont(LABEL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (EcgLayout.Row row : layout.rows()) {
            double base = row.baseline();
            if (margin) {
                g.beginPath();
                g.moveTo(mm * 0.5, base);
                g.lineTo(pulseStart, base);
                g.lineTo(pulseStart, base - pulseHeight);
                g.lineTo(pulseEnd, base - pulseHeight);
                g.lineTo(pulseEnd, base);
                g.lineTo(layout.margin(), base);
                g.stroke();
            }
            for (EcgLayout.Cell cell : row.cells()) {
                double x = layout.x(cell.fromS());
                // Labels and bars are drawn again only where the sweep erases them: text is the costliest to draw.
                if (x + LABEL_WIDTH_MM * mm < from || x - 2 > to) {
                    continue;
                }
                if (cell.fromS() > 0 && x >= from && x < to) {
                    // The conventional short bar where one lead's column ends and the next begins.
                    g.strokeLine(x, base - 2.5 * mm, x, base + 2.5 * mm);
                }
                g.fillText(cell.lead().label(), x + 1.5 * mm, row.top() + 3 * mm);
            }
        }
    }

    /**
     * The samples [from, to) of every cell that fall in the page starting {@code pageStartS} seconds into the
     * recording. Each cell continues from the sample before {@code from} when that sample is on the same cell, so
     * a sweep drawn piece by piece is one unbroken line.
     *
     * @return the samples drawn, counted once per time (not per row)
     */
    static long trace(GraphicsContext g, EcgLayout layout, EcgColors colors, double pageStartS, long from, long to) {
        g.setStroke(colors.trace());
        g.setLineWidth(TRACE_WIDTH);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (EcgLayout.Row row : layout.rows()) {
            for (EcgLayout.Cell cell : row.cells()) {
                LeadSignal lead = cell.lead();
                double fs = lead.samplingFrequency();
                long a = Math.max(from, Math.max(lead.start(), firstIndex(pageStartS + cell.fromS(), fs)));
                long b = Math.min(to, Math.min(lead.end(), firstIndex(pageStartS + cell.toS(), fs)));
                if (b > a) {
                    boolean joins = a - 1 >= lead.start() && a - 1 >= firstIndex(pageStartS + cell.fromS(), fs);
                    line(g, layout, row, lead, pageStartS, joins ? a - 1 : a, b);
                }
            }
        }
        return Math.max(0, to - from);
    }

    /** The first sample at or after {@code seconds}. */
    static long firstIndex(double seconds, double fs) {
        return (long) Math.ceil(seconds * fs - 1e-9);
    }

    /**
     * One lead's samples as a line. With more samples than pixel columns each column gets its minimum and maximum
     * in the order they came, which keeps every QRS peak however far the trace is compressed.
     */
    private static void line(GraphicsContext g, EcgLayout layout, EcgLayout.Row row, LeadSignal lead,
            double pageStartS, long a, long b) {
        double fs = lead.samplingFrequency();
        double pps = layout.paper().pxPerSecond();
        double perMv = layout.paper().pxPerMillivolt();
        double top = row.top();
        double bottom = row.top() + row.height();
        double base = row.baseline();
        double x0 = layout.margin() - pageStartS * pps;
        g.beginPath();
        if (fs <= pps) {
            for (long s = a; s < b; s++) {
                double x = x0 + s / fs * pps;
                double y = clamp(base - lead.millivolts(s) * perMv, top, bottom);
                if (s == a) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
        } else {
            long column = Long.MIN_VALUE;
            double min = 0;
            double max = 0;
            long minAt = 0;
            long maxAt = 0;
            boolean started = false;
            for (long s = a; s <= b; s++) {
                long c = s < b ? (long) Math.floor(x0 + s / fs * pps) : Long.MAX_VALUE;
                if (c != column && column != Long.MIN_VALUE) {
                    double x = column + 0.5;
                    boolean minFirst = minAt <= maxAt;
                    double y1 = clamp(base - (minFirst ? min : max) * perMv, top, bottom);
                    double y2 = clamp(base - (minFirst ? max : min) * perMv, top, bottom);
                    if (started) {
                        g.lineTo(x, y1);
                    } else {
                        g.moveTo(x, y1);
                        started = true;
                    }
                    g.lineTo(x, y2);
                }
                if (s == b) {
                    break;
                }
                double v = lead.millivolts(s);
                if (c != column) {
                    column = c;
                    min = v;
                    max = v;
                    minAt = s;
                    maxAt = s;
                } else if (v < min) {
                    min = v;
                    minAt = s;
                } else if (v > max) {
                    max = v;
                    maxAt = s;
                }
            }
        }
        g.stroke();
    }

    private static double clamp(double v, double lo, double hi) {
        return Double.isNaN(v) ? lo : Math.max(lo, Math.min(hi, v));
    }

    /** A short mark above each row at every beat's time (sample numbers on the recording's clock). */
    static void beats(GraphicsContext g, EcgLayout layout, EcgColors colors, double pageStartS, int[] beats,
            double fs) {
        double mm = layout.paper().pxPerMm();
        g.setStroke(colors.marks());
        g.setLineWidth(2);
        for (int beat : beats) {
            double offset = beat / fs - pageStartS;
            if (offset < 0 || offset >= layout.pageSeconds()) {
                continue;
            }
            double x = layout.x(offset);
            for (EcgLayout.Row row : layout.rows()) {
                g.strokeLine(x, row.top() + 0.5 * mm, x, row.top() + 2.5 * mm);
            }
        }
    }
}

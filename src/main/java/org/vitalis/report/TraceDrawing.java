package org.vitalis.report;

import java.awt.Color;
import java.io.IOException;
import java.util.Arrays;
import org.vitalis.report.TracePages.Cell;
import org.vitalis.report.TracePages.Row;

/**
 * The ECG paper: the millimetre grid, the calibration pulse and the traces, at 25 mm/s and 10 mm/mV exactly. A trace
 * that leaves its row band is clipped there, never scaled, and the clipping is marked.
 */
final class TraceDrawing {
    /** Pink minor and red major lines, as on ECG paper: light enough under a black trace, visible when printed. */
    static final Color MINOR_LINE = new Color(250, 200, 200);
    static final Color MAJOR_LINE = new Color(230, 110, 110);
    static final double MINOR_WIDTH = 0.1;
    static final double MAJOR_WIDTH = 0.2;
    static final double TRACE_WIDTH = 0.25;
    static final double LABEL_PT = 8;
    static final String CLIPPED = "clipped";
    /** The calibration pulse (10 mm) and the lead label above it must stay inside the row. */
    private static final double MIN_BASELINE_FROM_TOP = 12;
    private static final double MIN_BASELINE_FROM_BOTTOM = 4;
    private static final double EDGE_MARGIN = 0.5;

    private final PdfCanvas canvas;
    private final ReportFonts fonts;
    private final double fs;

    TraceDrawing(PdfCanvas canvas, ReportFonts fonts, double fs) {
        this.canvas = canvas;
        this.fonts = fonts;
        this.fs = fs;
    }

    void grid() throws IOException {
        int columns = (int) Math.round(EcgPaper.GRID_WIDTH / EcgPaper.MINOR);
        int rows = (int) Math.round(EcgPaper.GRID_HEIGHT / EcgPaper.MINOR);
        int perMajor = (int) Math.round(EcgPaper.MAJOR / EcgPaper.MINOR);
        for (boolean major : new boolean[] {false, true}) {
            canvas.stroke(major ? MAJOR_LINE : MINOR_LINE, major ? MAJOR_WIDTH : MINOR_WIDTH);
            for (int i = 0; i <= columns; i++) {
                if ((i % perMajor == 0) == major) {
                    double x = EcgPaper.GRID_LEFT + i * EcgPaper.MINOR;
                    canvas.line(x, EcgPaper.GRID_TOP, x, EcgPaper.GRID_TOP + EcgPaper.GRID_HEIGHT);
                }
            }
            for (int j = 0; j <= rows; j++) {
                if ((j % perMajor == 0) == major) {
                    double y = EcgPaper.GRID_TOP + j * EcgPaper.MINOR;
                    canvas.line(EcgPaper.GRID_LEFT, y, EcgPaper.GRID_LEFT + EcgPaper.GRID_WIDTH, y);
                }
            }
            canvas.strokePath();
        }
    }

    void row(Row row, int index) throws IOException {
        double top = EcgPaper.rowTop(index);
        double base = top + baselineFromTop(row);
        canvas.roundPen();
        canvas.stroke(Color.BLACK, TRACE_WIDTH);
        calibrationPulse(base);
        for (int c = 0; c < row.cells().size(); c++) {
            Cell cell = row.cells().get(c);
            boolean clipped = trace(cell, top, base);
            double left = x(cell, cell.from());
            if (c > 0) {
                canvas.stroke(Color.BLACK, TRACE_WIDTH);
                canvas.line(left, base - 2.5, left, base + 2.5);
                canvas.strokePath();
            }
            double w = canvas.text(cell.label(), fonts.bold, LABEL_PT, Color.BLACK, left + 1, top + 4);
            if (clipped) {
                canvas.text(CLIPPED, fonts.bold, LABEL_PT - 1, TextFlow.WARNING, left + 2 + w, top + 4);
            }
        }
        if (!row.note().isEmpty()) {
            double w = PdfCanvas.textWidth(row.note(), fonts.regular, LABEL_PT - 1);
            canvas.text(row.note(), fonts.regular, LABEL_PT - 1, Color.BLACK, EcgPaper.TRACE_RIGHT - w, top + 4);
        }
    }

    /**
     * Where the row's 0 mV line goes, in whole millimetres below the row's top: {@link EcgPaper#BASELINE_FROM_ROW_TOP}
     * when the traces fit there, else the position that clips least (deep S waves in V1-V3 need room below, tall R
     * waves room above), nearest the usual one among equals. The calibration pulse moves with it; the scale never does.
     */
    static double baselineFromTop(Row row) {
        double up = 0;
        double down = 0;
        for (Cell cell : row.cells()) {
            double offset = median(cell.millivolts(), cell.from(), cell.to());
            for (int i = cell.from(); i < cell.to(); i++) {
                double mm = (cell.millivolts()[i] - offset) * EcgPaper.MM_PER_MILLIVOLT;
                up = Math.max(up, mm);
                down = Math.max(down, -mm);
            }
        }
        double best = EcgPaper.BASELINE_FROM_ROW_TOP;
        double bestOverflow = overflow(best, up, down);
        for (int b = (int) MIN_BASELINE_FROM_TOP; b <= EcgPaper.ROW_HEIGHT - MIN_BASELINE_FROM_BOTTOM; b++) {
            double o = overflow(b, up, down);
            boolean nearer = Math.abs(b - EcgPaper.BASELINE_FROM_ROW_TOP) < Math.abs(best - EcgPaper.BASELINE_FROM_ROW_TOP);
            if (o < bestOverflow - 1e-9 || (Math.abs(o - bestOverflow) <= 1e-9 && nearer)) {
                best = b;
                bestOverflow = o;
            }
        }
        return best;
    }

    /** How far, in mm, the trace would run past the band's edges (less a small margin) with the baseline at b. */
    private static double overflow(double b, double up, double down) {
        return Math.max(0, up - (b - EDGE_MARGIN)) + Math.max(0, down - (EcgPaper.ROW_HEIGHT - b - EDGE_MARGIN));
    }

    /** 1 mV high and 200 ms wide, drawn with the same pen and scale as the traces beside it. */
    private void calibrationPulse(double base) throws IOException {
        double up = base - EcgPaper.MM_PER_MILLIVOLT;
        canvas.moveTo(EcgPaper.CAL_START, base);
        canvas.lineTo(EcgPaper.CAL_RISE, base);
        canvas.lineTo(EcgPaper.CAL_RISE, up);
        canvas.lineTo(EcgPaper.CAL_RISE + EcgPaper.CAL_WIDTH, up);
        canvas.lineTo(EcgPaper.CAL_RISE + EcgPaper.CAL_WIDTH, base);
        canvas.lineTo(EcgPaper.CAL_END, base);
        canvas.strokePath();
    }

    /**
     * Draws the cell's samples around their median (the cell's isoelectric level, whatever the electrode offset).
     *
     * @return whether part of the trace lies outside the row band and was clipped
     */
    private boolean trace(Cell cell, double top, double base) throws IOException {
        double[] mv = cell.millivolts();
        double offset = median(mv, cell.from(), cell.to());
        double bottom = top + EcgPaper.ROW_HEIGHT;
        canvas.save();
        canvas.clip(EcgPaper.GRID_LEFT, top, EcgPaper.GRID_WIDTH, EcgPaper.ROW_HEIGHT);
        canvas.stroke(Color.BLACK, TRACE_WIDTH);
        canvas.roundPen();
        boolean clipped = false;
        for (int i = cell.from(); i < cell.to(); i++) {
            double y = base - (mv[i] - offset) * EcgPaper.MM_PER_MILLIVOLT;
            clipped |= y < top || y > bottom;
            if (i == cell.from()) {
                canvas.moveTo(x(cell, i), y);
            } else {
                canvas.lineTo(x(cell, i), y);
            }
        }
        if (cell.to() - cell.from() == 1) {
            canvas.lineTo(x(cell, cell.from()), base - (mv[cell.from()] - offset) * EcgPaper.MM_PER_MILLIVOLT);
        }
        canvas.strokePath();
        canvas.restore();
        if (clipped) {
            markClipping(cell, offset, top, base, bottom);
        }
        return clipped;
    }

    /** A dark red bar along the band's edge wherever the trace runs beyond it. */
    private void markClipping(Cell cell, double offset, double top, double base, double bottom) throws IOException {
        canvas.stroke(TextFlow.WARNING, 0.8);
        for (boolean above : new boolean[] {true, false}) {
            double edge = above ? top + 0.4 : bottom - 0.4;
            int runStart = -1;
            for (int i = cell.from(); i <= cell.to(); i++) {
                boolean out = false;
                if (i < cell.to()) {
                    double y = base - (cell.millivolts()[i] - offset) * EcgPaper.MM_PER_MILLIVOLT;
                    out = above ? y < top : y > bottom;
                }
                if (out && runStart < 0) {
                    runStart = i;
                } else if (!out && runStart >= 0) {
                    canvas.line(x(cell, runStart) - 0.5, edge, x(cell, i - 1) + 0.5, edge);
                    runStart = -1;
                }
            }
        }
        canvas.strokePath();
    }

    private double x(Cell cell, int sample) {
        return EcgPaper.TRACE_LEFT + (sample / fs - cell.originS()) * EcgPaper.MM_PER_SECOND;
    }

    static double median(double[] x, int from, int to) {
        double[] part = Arrays.copyOfRange(x, from, to);
        Arrays.sort(part);
        int n = part.length;
        return n % 2 == 1 ? part[n / 2] : (part[n / 2 - 1] + part[n / 2]) / 2;
    }
}

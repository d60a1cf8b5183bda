package org.vitalis.ui.ecg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each lead goes on a page of ECG paper. Few leads get a full-width strip each; the 12 standard leads get the
 * conventional 4 x 3 format (I, II, III | aVR, aVL, aVF | V1-V3 | V4-V6, each column a quarter of the page's time)
 * with a rhythm strip of lead II below (Kligfield et al., Circulation 2007;115:1306). Every row starts with a 1 mV
 * calibration pulse in its margin.
 *
 * @param paper       the scale
 * @param width       px
 * @param height      px
 * @param margin      px left of the traces, holding the calibration pulses
 * @param pageSeconds seconds of signal across the trace area
 * @param rows        top to bottom
 */
public record EcgLayout(EcgPaper paper, double width, double height, double margin, double pageSeconds,
        List<Row> rows) {
    /** Calibration pulse: 1 mV for 200 ms. */
    public static final double PULSE_MV = 1;
    public static final double PULSE_SECONDS = 0.2;
    static final double GAP_MM = 2;

    /** A row's cells share its baseline; {@code baseline} is the y of 0 mV. */
    public record Row(double top, double height, double baseline, List<Cell> cells) {
    }

    /** A lead shown for the page times [{@code fromS}, {@code toS}), seconds from the page's start. */
    public record Cell(LeadSignal lead, double fromS, double toS) {
    }

    /**
     * @param twelveLeadFormat put the 12 standard leads, when all present, in 4 x 3 with a rhythm strip
     */
    public static EcgLayout of(List<LeadSignal> leads, EcgPaper paper, double width, boolean twelveLeadFormat) {
        double mm = paper.pxPerMm();
        double margin = (PULSE_SECONDS * paper.speedMmPerS() + 2 * GAP_MM) * mm;
        double traceWidth = Math.max(mm, width - margin - GAP_MM * mm);
        double page = traceWidth / paper.pxPerSecond();
        // 2.5 mV a row: 1.5 mV above the baseline and 1 mV below, as much as a 12-lead page gives a lead.
        double rowHeight = Math.max(20, 2.5 * paper.gainMmPerMv()) * mm;
        Map<String, LeadSignal> byLabel = new HashMap<>();
        leads.forEach(l -> byLabel.putIfAbsent(l.label(), l));
        List<List<Cell>> cells = new ArrayList<>();
        if (twelveLeadFormat && byLabel.keySet().containsAll(LeadOrder.TWELVE)) {
            String[][] columns = {{"I", "II", "III"}, {"aVR", "aVL", "aVF"}, {"V1", "V2", "V3"}, {"V4", "V5", "V6"}};
            for (int r = 0; r < 3; r++) {
                List<Cell> row = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    row.add(new Cell(byLabel.get(columns[c][r]), c * page / 4, (c + 1) * page / 4));
                }
                cells.add(row);
            }
            cells.add(List.of(new Cell(byLabel.get("II"), 0, page)));
        } else {
            for (LeadSignal l : leads) {
                cells.add(List.of(new Cell(l, 0, page)));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < cells.size(); r++) {
            double top = r * rowHeight;
            // Room above the baseline for R waves, which are mostly upright.
            rows.add(new Row(top, rowHeight, top + rowHeight * 0.6, cells.get(r)));
        }
        return new EcgLayout(paper, width, Math.max(rowHeight, cells.size() * rowHeight), margin, page, rows);
    }

    /** x of a time that is {@code offsetS} seconds into the page. */
    public double x(double offsetS) {
        return margin + offsetS * paper.pxPerSecond();
    }

    /** The 12-lead format is in use. */
    public boolean twelveLead() {
        return rows.size() == 4 && rows.getFirst().cells().size() == 4;
    }
}

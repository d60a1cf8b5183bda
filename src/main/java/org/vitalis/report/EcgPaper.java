package org.vitalis.report;

/**
 * The geometry of the printed page, in millimetres from the page's top-left corner: landscape A4 with the standard
 * ECG paper speed and gain. Grid lines, calibration pulse and trace origins all fall on whole millimetres, so what
 * is printed can be measured with a ruler (and is, by the tests, on a rendering at 10 pixels per millimetre).
 */
final class EcgPaper {
    /** PDF user space unit (1/72 inch) per millimetre. */
    static final float PT_PER_MM = 72f / 25.4f;

    static final double PAGE_WIDTH = 297;
    static final double PAGE_HEIGHT = 210;
    static final double MARGIN = 10;

    /** Paper speed and gain of the conventional resting ECG (AHA/ACC/HRS recommendations, Kligfield 2007). */
    static final double MM_PER_SECOND = 25;
    static final double MM_PER_MILLIVOLT = 10;

    static final double MINOR = 1;
    static final double MAJOR = 5;

    static final double GRID_LEFT = 11;
    static final double GRID_WIDTH = 275;
    static final double GRID_TOP = 50;
    static final int ROWS = 4;
    static final double ROW_HEIGHT = 35;
    static final double GRID_HEIGHT = ROWS * ROW_HEIGHT;

    /**
     * The row's usual 0 mV line, below the row's top: more room above than below, as R waves are mostly upright
     * ({@link TraceDrawing#baselineFromTop} moves it, by whole millimetres, when the traces need room elsewhere).
     */
    static final double BASELINE_FROM_ROW_TOP = 20;

    /** The 1 mV x 200 ms calibration pulse: baseline from CAL_START, rising at CAL_RISE, back at CAL_RISE + 5 mm. */
    static final double CAL_START = GRID_LEFT + 2;
    static final double CAL_RISE = GRID_LEFT + 4;
    static final double CAL_WIDTH = 0.2 * MM_PER_SECOND;
    static final double CAL_END = GRID_LEFT + 12;

    /** Where time 0 of a row is drawn; 10 s of trace end 250 mm further on, inside the grid. */
    static final double TRACE_LEFT = GRID_LEFT + 15;
    static final double STRIP_SECONDS = 10;
    static final double TRACE_RIGHT = TRACE_LEFT + STRIP_SECONDS * MM_PER_SECOND;

    private EcgPaper() {
    }

    static double rowTop(int row) {
        return GRID_TOP + row * ROW_HEIGHT;
    }
}

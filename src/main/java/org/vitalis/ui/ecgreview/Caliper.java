package org.vitalis.ui.ecgreview;

import org.vitalis.ui.ecg.EcgPaper;

/**
 * Electronic calipers: two points on the strip, read at the paper's true scale. Time comes from the horizontal
 * distance and the paper speed, voltage from the vertical distance and the gain (up is positive, as on paper), and
 * a rate from the time as if it were one RR interval.
 */
public record Caliper(double x1, double y1, double x2, double y2) {
    /** What the caliper spans: {@code rateBpm} is NaN for a zero width. */
    public record Reading(double milliseconds, double millivolts, double rateBpm) {
    }

    public Reading read(EcgPaper paper) {
        double ms = Math.abs(x2 - x1) / paper.pxPerSecond() * 1000;
        double mv = (y1 - y2) / paper.pxPerMillivolt();
        return new Reading(ms, mv, ms > 0 ? 60_000 / ms : Double.NaN);
    }
}

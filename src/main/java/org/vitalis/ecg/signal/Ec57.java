package org.vitalis.ecg.signal;

import java.util.Arrays;
import java.util.List;

/**
 * Beat-by-beat comparison of detections with reference beats as ANSI/AAMI EC57 prescribes (and WFDB's bxb does):
 * a detection matches a reference beat within 150 ms, each at most once, and beats in the learning period at the
 * start of a record are not scored.
 *
 * <p>EC57 also leaves ventricular flutter and fibrillation out of the beat-by-beat comparison: there are no QRS
 * complexes to count there, so a detector is neither credited nor blamed for what it reports. WFDB's bxb, the
 * reference implementation of EC57:1998, skips the reference annotations between a VF onset ('[') and offset (']')
 * and does not count a detection inside such an episode as a false positive (its pseudo-beat label '*'). The
 * {@link #score(long[], int[], double, List)} overload does the same; the shorter overloads score every beat.
 */
public final class Ec57 {
    /** EC57 match window, seconds. */
    public static final double MATCH_WINDOW_S = 0.150;
    /** EC57 learning period that is not scored, seconds. */
    public static final double LEARNING_S = 300;

    private Ec57() {
    }

    /** Counts of one comparison; add them up over records for gross statistics. */
    public record Result(int truePositives, int falseNegatives, int falsePositives) {
        public Result plus(Result o) {
            return new Result(truePositives + o.truePositives, falseNegatives + o.falseNegatives,
                    falsePositives + o.falsePositives);
        }

        /** Sensitivity TP / (TP + FN), or NaN with no reference beats. */
        public double sensitivity() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        /** Positive predictivity TP / (TP + FP), or NaN with no detections. */
        public double positivePredictivity() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? Double.NaN : (double) a / b;
        }
    }

    /**
     * A stretch of the record the reference marks as ventricular flutter or fibrillation, sample indices inclusive.
     *
     * @param start the VF onset annotation ('[')
     * @param end   the VF offset annotation (']'), or {@link Long#MAX_VALUE} when the record ends in VF
     */
    public record Episode(long start, long end) {
        public Episode {
            if (end < start) {
                throw new IllegalArgumentException("episode ends at " + end + " before it starts at " + start);
            }
        }

        boolean contains(long t) {
            return t >= start && t <= end;
        }
    }

    /**
     * Scores with the standard 150 ms window and 5 minute learning period, leaving the reference's ventricular
     * flutter/fibrillation episodes out as EC57 and bxb do (see the class comment).
     *
     * @param vf the reference's VF episodes, ascending and not overlapping
     */
    public static Result score(long[] referenceBeats, int[] detections, double fs, List<Episode> vf) {
        long[] ref = Arrays.stream(referenceBeats).filter(t -> !inside(t, vf)).toArray();
        boolean[] excluded = new boolean[detections.length];
        for (int k = 0; k < detections.length; k++) {
            excluded[k] = inside(detections[k], vf);
        }
        return score(ref, detections, excluded, fs, Math.round(LEARNING_S * fs), MATCH_WINDOW_S);
    }

    private static boolean inside(long t, List<Episode> episodes) {
        for (Episode e : episodes) {
            if (e.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** Scores with the standard 150 ms window and 5 minute learning period. */
    public static Result score(long[] referenceBeats, int[] detections, double fs) {
        return score(referenceBeats, detections, fs, Math.round(LEARNING_S * fs), MATCH_WINDOW_S);
    }

    /**
     * Matches in time order, each reference beat taking the nearest unmatched detection within the window.
     * Both arrays must be ascending. A detection before {@code scoreFrom} is not counted as a false positive,
     * but may still match a scored reference beat just after it.
     */
    public static Result score(long[] referenceBeats, int[] detections, double fs, long scoreFrom, double windowSeconds) {
        return score(referenceBeats, detections, new boolean[detections.length], fs, scoreFrom, windowSeconds);
    }

    /** As above; a detection flagged in {@code uncounted} may match a reference beat but is never a false positive. */
    private static Result score(long[] referenceBeats, int[] detections, boolean[] uncounted, double fs, long scoreFrom,
            double windowSeconds) {
        long w = Math.round(windowSeconds * fs);
        boolean[] used = new boolean[detections.length];
        int tp = 0;
        int fn = 0;
        int j = 0;
        for (long ref : referenceBeats) {
            if (ref < scoreFrom) {
                continue;
            }
            while (j < detections.length && detections[j] < ref - w) {
                j++;
            }
            int best = -1;
            long bestDist = Long.MAX_VALUE;
            for (int k = j; k < detections.length && detections[k] <= ref + w; k++) {
                long dist = Math.abs(detections[k] - ref);
                if (!used[k] && dist < bestDist) {
                    best = k;
                    bestDist = dist;
                }
            }
            if (best >= 0) {
                used[best] = true;
                tp++;
            } else {
                fn++;
            }
        }
        int fp = 0;
        for (int k = 0; k < detections.length; k++) {
            if (!used[k] && !uncounted[k] && detections[k] >= scoreFrom) {
                fp++;
            }
        }
        return new Result(tp, fn, fp);
    }
}

package org.vitalis.ecg.signal;

/**
 * Beat-by-beat comparison of detections with reference beats as ANSI/AAMI EC57 prescribes (and WFDB's bxb does):
 * a detection matches a reference beat within 150 ms, each at most once, and beats in the learning period at the
 * start of a record are not scored.
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
            if (!used[k] && detections[k] >= scoreFrom) {
                fp++;
            }
        }
        return new Result(tp, fn, fp);
    }
}

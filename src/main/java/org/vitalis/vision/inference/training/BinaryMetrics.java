package org.vitalis.vision.inference.training;

import java.util.Arrays;
import java.util.Random;

/** Metrics of a binary classifier's scores against true labels, as reported in the model card. */
final class BinaryMetrics {
    private BinaryMetrics() {
    }

    /**
     * ROC AUC as the Mann–Whitney probability that a positive scores above a negative (ties count one half);
     * Hanley &amp; McNeil, Radiology 143:29–36 (1982).
     */
    static double auc(double[] scores, boolean[] positive) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!positive[i]) {
                continue;
            }
            for (int j = 0; j < scores.length; j++) {
                if (positive[j]) {
                    continue;
                }
                pairs++;
                if (scores[i] > scores[j]) {
                    wins += 1;
                } else if (scores[i] == scores[j]) {
                    wins += 0.5;
                }
            }
        }
        if (pairs == 0) {
            return Double.NaN;
        }
        return wins / pairs;
    }

    /** Percentile bootstrap 95% interval of the AUC, resampling within each class (stratified), seeded. */
    static double[] aucInterval(double[] scores, boolean[] positive, int resamples, long seed) {
        int[] pos = indices(positive, true);
        int[] neg = indices(positive, false);
        Random r = new Random(seed);
        double[] aucs = new double[resamples];
        double[] s = new double[scores.length];
        boolean[] l = new boolean[scores.length];
        for (int b = 0; b < resamples; b++) {
            int k = 0;
            for (int i = 0; i < pos.length; i++, k++) {
                s[k] = scores[pos[r.nextInt(pos.length)]];
                l[k] = true;
            }
            for (int i = 0; i < neg.length; i++, k++) {
                s[k] = scores[neg[r.nextInt(neg.length)]];
                l[k] = false;
            }
            aucs[b] = auc(s, l);
        }
        Arrays.sort(aucs);
        return new double[] {aucs[(int) Math.floor(0.025 * (resamples - 1))], aucs[(int) Math.ceil(0.975 * (resamples - 1))]};
    }

    /** Sensitivity at the lowest threshold whose specificity is at least {@code specificity} (call positive if ≥ t). */
    static double sensitivityAtSpecificity(double[] scores, boolean[] positive, double specificity) {
        return thresholdForSpecificity(scores, positive, specificity)[1];
    }

    /** {threshold, sensitivity, specificity} of the lowest threshold reaching the wanted specificity. */
    static double[] thresholdForSpecificity(double[] scores, boolean[] positive, double specificity) {
        double[] candidates = Arrays.stream(scores).distinct().sorted().toArray();
        for (double t : candidates) {
            double[] ss = sensSpec(scores, positive, t);
            if (ss[1] >= specificity) {
                return new double[] {t, ss[0], ss[1]};
            }
        }
        return new double[] {Double.POSITIVE_INFINITY, 0, 1};
    }

    /** {sensitivity, specificity} when scores at or above {@code threshold} are called positive. */
    static double[] sensSpec(double[] scores, boolean[] positive, double threshold) {
        int tp = 0;
        int fn = 0;
        int tn = 0;
        int fp = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean call = scores[i] >= threshold;
            if (positive[i]) {
                if (call) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (call) {
                fp++;
            } else {
                tn++;
            }
        }
        return new double[] {tp / (double) Math.max(1, tp + fn), tn / (double) Math.max(1, tn + fp)};
    }

    /**
     * Expected calibration error with 10 equal-width bins of the top-label confidence (Guo et al., "On Calibration of
     * Modern Neural Networks", ICML 2017): the bin-weighted mean |accuracy − confidence|.
     */
    static double expectedCalibrationError(double[] probability, boolean[] positive) {
        int bins = 10;
        double[] conf = new double[bins];
        double[] correct = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < probability.length; i++) {
            boolean call = probability[i] >= 0.5;
            double c = call ? probability[i] : 1 - probability[i];
            int b = Math.min(bins - 1, (int) (c * bins));
            conf[b] += c;
            correct[b] += call == positive[i] ? 1 : 0;
            count[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs(correct[b] / count[b] - conf[b] / count[b]) * count[b] / probability.length;
            }
        }
        return ece;
    }

    private static int[] indices(boolean[] positive, boolean want) {
        return java.util.stream.IntStream.range(0, positive.length).filter(i -> positive[i] == want).toArray();
    }
}

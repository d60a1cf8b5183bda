package org.vitalis.vision.inference.training;

/**
 * The operating point, chosen on the validation split only: the lowest calibrated probability at which at least 80%
 * of validation nevi are called nevus, i.e. the most sensitive threshold with specificity ≥ 80% — the same operating
 * point the model card reports on the test split.
 */
final class DecisionThreshold {
    static final double SPECIFICITY = 0.80;

    private DecisionThreshold() {
    }

    static double fromValidation(double[] probability, boolean[] positive) {
        double t = BinaryMetrics.thresholdForSpecificity(probability, positive, SPECIFICITY)[0];
        // The manifest needs a threshold strictly inside (0, 1); a tiny validation set could put it at an end.
        return Math.min(0.99, Math.max(0.01, t));
    }
}

package org.vitalis.vision.inference.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The held-out test split's numbers, computed once, on calibrated probabilities from the exported ONNX model.
 *
 * @param auc                  ROC AUC
 * @param aucLow               bootstrap 95% interval, lower end (2000 stratified resamples)
 * @param aucHigh              upper end
 * @param sensitivityAt80      sensitivity at the test split's own 80%-specificity point (a property of the ranking)
 * @param ece                  expected calibration error, 10 bins
 * @param sensitivity          sensitivity at the shipped threshold (chosen on validation)
 * @param specificity          specificity at the shipped threshold
 */
record TestMetrics(double auc, double aucLow, double aucHigh, double sensitivityAt80, double ece, double sensitivity,
        double specificity, int n, int positives) {
    static final int BOOTSTRAP = 2000;

    static TestMetrics of(double[] p, boolean[] y, double threshold, long seed) {
        double auc = BinaryMetrics.auc(p, y);
        double[] ci = Double.isNaN(auc) ? new double[] {Double.NaN, Double.NaN}
                : BinaryMetrics.aucInterval(p, y, BOOTSTRAP, seed);
        double[] ss = BinaryMetrics.sensSpec(p, y, threshold);
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        return new TestMetrics(auc, ci[0], ci[1], BinaryMetrics.sensitivityAtSpecificity(p, y, 0.80),
                BinaryMetrics.expectedCalibrationError(p, y), ss[0], ss[1], y.length, pos);
    }

    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("split", "test");
        m.put("images", n);
        m.put("melanoma", positives);
        m.put("rocAuc", round(auc));
        m.put("rocAuc95ciLow", round(aucLow));
        m.put("rocAuc95ciHigh", round(aucHigh));
        m.put("sensitivityAt80Specificity", round(sensitivityAt80));
        m.put("ece10Bins", round(ece));
        m.put("sensitivityAtThreshold", round(sensitivity));
        m.put("specificityAtThreshold", round(specificity));
        return m;
    }

    static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10_000) / 10_000.0;
    }
}

package org.vitalis.vision.inference.training;

import java.util.Locale;

/** Everything one training run produced and measured; the model card and the manifest are written from it. */
public record TrainingReport(TrainingOptions options, int train, int trainPositives, int validation,
        int validationPositives, int test, int testPositives, int skipped, int excluded, int excludedPositives, int bestEpoch, int epochsRun,
        PlattScaling calibration, double threshold, float[] mean, float[] std, double exportDifference,
        TestMetrics metrics, double seconds) {

    public String modelName() {
        return options.out().toAbsolutePath().normalize().getFileName().toString();
    }

    public double rocAuc() {
        return metrics.auc();
    }

    /** The held-out metrics as a Markdown table (printed by the command and copied into the model card). */
    public String metricsTable() {
        TestMetrics m = metrics;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Held-out test split: %d images (%d melanoma, %d nevus)%n", m.n(), m.positives(),
                m.n() - m.positives()));
        sb.append("| metric | value |\n|---|---|\n");
        sb.append(String.format(Locale.ROOT, "| ROC AUC (95%% bootstrap CI) | %.3f (%.3f–%.3f) |%n", m.auc(), m.aucLow(), m.aucHigh()));
        sb.append(String.format(Locale.ROOT, "| sensitivity at 80%% specificity | %.3f |%n", m.sensitivityAt80()));
        sb.append(String.format(Locale.ROOT, "| expected calibration error (10 bins) | %.3f |%n", m.ece()));
        sb.append(String.format(Locale.ROOT, "| at the shipped threshold %.3f: sensitivity / specificity | %.3f / %.3f |%n",
                threshold, m.sensitivity(), m.specificity()));
        return sb.toString();
    }
}

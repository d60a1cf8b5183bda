package org.vitalis.vision.inference;

import java.time.Instant;

/**
 * One model's answer for one image: decision support for a clinician, not a diagnosis.
 *
 * @param label         the label shown: the positive label when {@code probability ≥ threshold}, else the other one
 * @param probability   calibrated probability of {@code positiveLabel} (e.g. melanoma), in [0, 1]
 * @param positiveLabel the finding the probability is about
 * @param threshold     the model's decision threshold, chosen on validation data
 * @param modelName     model folder name
 * @param version       model version
 * @param sha256        sha256 of the network file that produced the answer
 * @param at            when the answer was computed (UTC)
 */
public record Classification(String label, double probability, String positiveLabel, double threshold, String modelName,
        String version, String sha256, Instant at) {

    /** The sentence every screen and export shows beside a result. */
    public static final String NOTICE = "Decision support, not a diagnosis: a clinician confirms or overrides this result.";

    public boolean positive() {
        return label.equals(positiveLabel);
    }
}

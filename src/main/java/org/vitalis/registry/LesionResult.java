package org.vitalis.registry;

import java.time.Instant;

/**
 * A model's reading of a lesion picture: the label it shows, the calibrated probability (0 to 1) of its positive label
 * (e.g. melanoma) and the decision threshold that chose the label shown, and which model made it (name, version,
 * SHA-256 of the network file), when. Decision support, not a diagnosis.
 */
public record LesionResult(String label, String positiveLabel, double probability, double threshold, String modelName,
        String modelVersion, String modelSha256, Instant at) {
}

package org.vitalis.registry;

import java.time.Instant;

/**
 * A model's reading of a lesion picture: its label, the calibrated probability of that label (0 to 1), and which
 * model made it (name, version, SHA-256 of the model file), when. Decision support, not a diagnosis.
 */
public record LesionResult(String label, double probability, String modelName, String modelVersion,
        String modelSha256, Instant at) {
}

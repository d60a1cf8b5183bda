package org.vitalis.vision.inference;

import java.util.Optional;

/**
 * What a screen gets when it asks for its task's model: a classifier, or none and the reason in one sentence
 * (e.g. "No oral model is installed."). A screen without a classifier shows the reason and never a result.
 */
public record TaskModel(String task, Optional<Classifier> classifier, String reason) {
    public boolean available() {
        return classifier.isPresent();
    }
}

package org.vitalis.registry;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.vitalis.domain.LesionKind;

/**
 * What the lesion screens ask of the vision code: decode an imported picture safely, check its quality, and have the
 * installed model read it with an explanation. Decision support, not a diagnosis.
 */
public interface LesionAnalysis {
    /**
     * Decodes an imported file (PNG, JPEG or BMP, told by its bytes).
     *
     * @throws IllegalArgumentException with a sentence naming the file when it is not a picture that can be read
     */
    BufferedImage decode(byte[] bytes, String fileName);

    /** The quality checks for a picture of that kind: a dermatoscope's picture is judged on more than a photograph. */
    LesionQuality check(LesionKind kind, BufferedImage picture);

    /** Why no model reads pictures of this kind (for example, no oral model is installed); empty when one does. */
    Optional<String> unavailable(LesionKind kind);

    /** The installed model's reading of the picture and its explanation; empty when {@link #unavailable} says why. */
    Optional<Reading> read(LesionKind kind, BufferedImage picture);

    /**
     * The explanation of a stored result, when the model that made it is still the installed one (same SHA-256);
     * empty otherwise, since another model's heatmap would not explain this result.
     */
    Optional<Explanation> explain(LesionKind kind, BufferedImage picture, LesionResult result);

    /** A model's result and its explanation. */
    record Reading(LesionResult result, Explanation explanation) {
    }

    /**
     * Where the result came from: {@code overlay} is the picture with the heatmap drawn at full opacity, so a screen
     * shows any opacity by fading it over the picture; empty when no part of the picture counted for the result, so
     * there is no region to show. {@code method} says how the heatmap was made.
     */
    record Explanation(Optional<BufferedImage> overlay, Method method) {
    }

    /** How an explanation was made, for the words the screen puts under it. */
    enum Method {
        /** From the model's own last feature maps, weighed by how they move its score (the project's models). */
        GRAD_CAM,
        /** By covering parts of the picture and seeing how the result weakens (any model). */
        OCCLUSION
    }
}

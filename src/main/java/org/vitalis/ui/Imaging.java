package org.vitalis.ui;

import org.vitalis.registry.LesionAnalysis;
import org.vitalis.registry.LesionImageService;
import org.vitalis.vision.camera.Cameras;

/** What the lesion photo screen uses: the stored photos, the vision code's checks and model, and the cameras. */
public record Imaging(LesionImageService images, LesionAnalysis analysis, Cameras cameras) {
}

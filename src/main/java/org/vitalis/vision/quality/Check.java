package org.vitalis.vision.quality;

/**
 * One check's outcome.
 *
 * @param kind      what was checked
 * @param passed    whether the photo is good enough on this point
 * @param measured  the measured value (unit per kind: variance of the Laplacian, mean luminance 0–255 or fraction of
 *                  pixels, pixels, or centre offset as a fraction of half the frame)
 * @param threshold the limit it was compared with
 * @param sentence  one English sentence for logs and the command line; screens show their own translated text by kind
 */
public record Check(CheckKind kind, boolean passed, double measured, double threshold, String sentence) {
}

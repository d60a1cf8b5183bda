package org.vitalis.vision.quality;

/**
 * The limits of the quality gate. {@link #DERMOSCOPY} holds the defaults and why they were chosen.
 *
 * @param minSharpness          variance of the 4-neighbour Laplacian of the lightly smoothed luminance at the working
 *                              size, divided by the luminance's standard deviation
 * @param minDirectionalBalance gradient energy across the weaker direction (x or y) over that across the stronger one;
 *                              near 0 when the image is smeared into streaks
 * @param minMeanLuminance      mean luminance (0–255) below which the photo is underexposed
 * @param maxDarkFraction       fraction of pixels at or below luminance 16 (crushed shadows) above which it is underexposed
 * @param maxMeanLuminance      mean luminance above which the photo is overexposed
 * @param maxClippedFraction    fraction of pixels at or above luminance 250 (clipped highlights) above which it is overexposed
 * @param minSide               shorter side in pixels
 * @param maxAspectRatio        longer side / shorter side
 * @param maxCentreOffset       distance of the lesion's centroid from the frame's centre, as a fraction of half the frame
 */
public record QualityThresholds(double minSharpness, double minDirectionalBalance, double minMeanLuminance, double maxDarkFraction,
        double maxMeanLuminance, double maxClippedFraction, int minSide, double maxAspectRatio, double maxCentreOffset) {

    /**
     * Defaults for dermoscopic photos. Sharpness uses the variance of the Laplacian (Pech-Pacheco et al., "Diatom
     * autofocusing in brightfield microscopy: a comparative study", ICPR 2000), measured after shrinking the photo to
     * 256 pixels on its longer side and a 3×3 binomial smoothing (so 8-bit rounding and sensor noise left in a blurred
     * photo do not count as detail), and divided by the luminance's standard deviation, because dermoscopic images have
     * little contrast. No published limit fits dermoscopy, so the limit 0.006 was set on the 550 ISIC UDA-1 images this
     * project trains on: at least 98% of them pass (the lowest measures 0.0068), while about 90% of the same images
     * blurred with a Gaussian of sigma 2 px, and 99% of them blurred with sigma 4 px, fail (QualityGateTest). Motion
     * blur smears a photo along one direction, leaving gradients across it only: the check compares the gradient
     * energy along x and along y. 150 of the 550 ISIC UDA-1 thumbnails are such streaks (every row nearly a copy of the
     * one above, no lesion visible); a balance below 0.15 catches them, while lesion photos measure 0.16 and more (one
     * hairy lesion at 0.09 is the exception seen). Exposure limits (mean luminance
     * 40–225 of 255, at most 50% crushed (≤ 16) or 20% clipped (≥ 250) pixels) leave every ISIC image inside — the darkest
     * has a mean of 77, the largest crushed share is the 42% black surround of a round dermatoscope field — and catch
     * photos taken without the dermatoscope's light or with its glare. The shorter side must reach 128 px, the model
     * input (96 px) with a margin. Framing asks for the lesion, found as the darker class of Otsu's threshold (IEEE SMC
     * 9:62, 1979), to have its centroid within 60% of half the frame from the centre (97% of the ISIC images do), and
     * the frame to be no longer than 2:1.
     */
    public static final QualityThresholds DERMOSCOPY = new QualityThresholds(0.006, 0.15, 40, 0.50, 225, 0.20, 128, 2.0, 0.6);

    /**
     * For photographs taken without a dermatoscope (clinical skin and intraoral photos): the dermoscopy limits, less
     * the two that describe a dermatoscope's picture. The share of black pixels (a dermatoscope's round field leaves a
     * black surround; a mouth photographed open is dark around the lesion too) and the lesion's centring (found as the
     * darker half of the picture, which in a mouth is the oral cavity, not the lesion) are not applied; sharpness,
     * streaks, mean brightness, glare, size and the frame's shape are. No data set of such photos was at hand to set
     * limits of their own. (A dark share of 1 and an offset of 1.5 half-frames, beyond the corners at √2, never fail.)
     */
    public static final QualityThresholds PHOTOGRAPH = new QualityThresholds(0.006, 0.15, 40, 1.0, 225, 0.20, 128, 2.0,
            1.5);
}

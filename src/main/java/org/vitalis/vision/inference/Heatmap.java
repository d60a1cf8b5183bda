package org.vitalis.vision.inference;

/**
 * Where the model's answer came from, on a square grid over the image's central square (the part the network sees):
 * each value in [0, 1], 1 the most important. {@link HeatmapOverlay} draws it over the photo, upscaled.
 *
 * @param values row-major grid, {@code size × size}: the network input's for occlusion, the last feature map's for
 *               Grad-CAM
 * @param method how it was made
 */
public record Heatmap(float[][] values, Method method) {
    public enum Method {
        /** Gradient-weighted class activation mapping, from the model's own last feature maps. */
        GRAD_CAM,
        /** Occlusion sensitivity: how much covering each part weakens the answer. Works with any model. */
        OCCLUSION
    }

    public int size() {
        return values.length;
    }

    public float at(int y, int x) {
        return values[y][x];
    }

    /** True when some part of the picture counted for the answer; false when none did, and there is nothing to show. */
    public boolean anyRegion() {
        for (float[] row : values) {
            for (float v : row) {
                if (v > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}

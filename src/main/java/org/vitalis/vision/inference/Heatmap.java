package org.vitalis.vision.inference;

/**
 * Where the model's answer came from, on the network input's grid ({@code size × size}, the image's central square):
 * each value in [0, 1], 1 the most important. {@link HeatmapOverlay} draws it over the photo.
 */
public record Heatmap(float[][] values) {
    public int size() {
        return values.length;
    }

    public float at(int y, int x) {
        return values[y][x];
    }
}

package org.vitalis.vision.inference.training;

import java.util.Random;

/**
 * Augmentation suited to dermoscopy, which has no canonical orientation: one of the eight flips and 90° rotations,
 * then a small colour jitter (brightness and contrast ±10%, per-channel gain ±5%) for differences between
 * dermatoscopes and lighting. Works on square CHW RGB images in [0, 1].
 */
final class Augmentation {
    private Augmentation() {
    }

    static float[] apply(float[] src, int n, Random random) {
        int t = random.nextInt(8);
        float[] out = new float[src.length];
        int plane = n * n;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int sx = x;
                int sy = y;
                if ((t & 1) != 0) {
                    sx = n - 1 - sx;
                }
                if ((t & 2) != 0) {
                    sy = n - 1 - sy;
                }
                if ((t & 4) != 0) {
                    int tmp = sx;
                    sx = sy;
                    sy = tmp;
                }
                int d = y * n + x;
                int s = sy * n + sx;
                out[d] = src[s];
                out[plane + d] = src[plane + s];
                out[2 * plane + d] = src[2 * plane + s];
            }
        }
        float brightness = 1f + (random.nextFloat() * 2 - 1) * 0.10f;
        float contrast = 1f + (random.nextFloat() * 2 - 1) * 0.10f;
        float mean = 0;
        for (float v : out) {
            mean += v;
        }
        mean /= out.length;
        for (int c = 0; c < 3; c++) {
            float gain = 1f + (random.nextFloat() * 2 - 1) * 0.05f;
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                float v = ((out[i] - mean) * contrast + mean) * brightness * gain;
                out[i] = Math.min(1f, Math.max(0f, v));
            }
        }
        return out;
    }
}

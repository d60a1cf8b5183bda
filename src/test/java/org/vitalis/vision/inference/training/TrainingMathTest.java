package org.vitalis.vision.inference.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Metrics, calibration, split and augmentation: the pure parts of training. */
class TrainingMathTest {
    @Test
    void aucCountsPairsAndTies() {
        boolean[] y = {true, true, false, false};
        assertThat(BinaryMetrics.auc(new double[] {0.9, 0.8, 0.2, 0.1}, y)).isEqualTo(1.0);
        assertThat(BinaryMetrics.auc(new double[] {0.1, 0.2, 0.8, 0.9}, y)).isEqualTo(0.0);
        assertThat(BinaryMetrics.auc(new double[] {0.5, 0.5, 0.5, 0.5}, y)).isEqualTo(0.5);
        assertThat(BinaryMetrics.auc(new double[] {0.9, 0.3, 0.5, 0.1}, y)).isEqualTo(0.75);
        assertThat(BinaryMetrics.auc(new double[] {0.9, 0.3}, new boolean[] {true, true})).isNaN();
    }

    @Test
    void sensitivityAtSpecificityTakesTheMostSensitiveThresholdThatKeepsTheSpecificity() {
        // 5 negatives at 0.1..0.5, positives at 0.45 and 0.9: 80% specificity needs t > 0.4, so t = 0.45 catches both.
        double[] s = {0.1, 0.2, 0.3, 0.4, 0.5, 0.45, 0.9};
        boolean[] y = {false, false, false, false, false, true, true};
        double[] t = BinaryMetrics.thresholdForSpecificity(s, y, 0.8);
        assertThat(t[0]).isEqualTo(0.45);
        assertThat(t[1]).isEqualTo(1.0);
        assertThat(t[2]).isEqualTo(0.8);
    }

    @Test
    void calibrationErrorIsSmallForCalibratedAndLargeForOverconfidentProbabilities() {
        Random r = new Random(1);
        int n = 20_000;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        double[] over = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = r.nextDouble();
            y[i] = r.nextDouble() < p[i];
            over[i] = p[i] >= 0.5 ? 1.0 : 0.0;
        }
        assertThat(BinaryMetrics.expectedCalibrationError(p, y)).isLessThan(0.02);
        assertThat(BinaryMetrics.expectedCalibrationError(over, y)).isGreaterThan(0.2);
    }

    @Test
    void plattScalingRecoversTheScaleAndOffsetThatMadeTheLabels() {
        Random r = new Random(2);
        int n = 20_000;
        double[] z = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            z[i] = r.nextGaussian() * 3;
            y[i] = r.nextDouble() < PlattScaling.sigmoid(z[i] / 2.0 - 0.7);
        }
        PlattScaling p = PlattScaling.fit(z, y);
        assertThat(p.temperature()).isCloseTo(2.0, within(0.1));
        assertThat(p.bias()).isCloseTo(-0.7, within(0.08));
    }

    @Test
    void plattScalingStaysFiniteOnASmallNearlySeparableValidationSet() {
        Random r = new Random(8);
        double[] z = new double[55];
        boolean[] y = new boolean[55];
        for (int i = 0; i < 55; i++) {
            y[i] = i < 15;
            z[i] = (y[i] ? 6 : -2) + r.nextGaussian() * 2.5;
        }
        PlattScaling p = PlattScaling.fit(z, y);
        assertThat(p.temperature()).isPositive().isFinite().isNotEqualTo(1.0);
        assertThat(p.bias()).isFinite();
        assertThat(p.probability(10)).isGreaterThan(p.probability(0)).isLessThan(1.0);
        // Platt's smoothed targets keep the probabilities off 0 and 1 even where the classes do not overlap.
        assertThat(p.probability(-20)).isGreaterThan(0.0);
    }

    @Test
    void theSplitIsStratifiedDisjointAndTheSameWhateverTheInputOrder() {
        List<LabelledImage> images = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            images.add(new LabelledImage(String.format("ISIC_%07d", i), i % 3 == 0, new float[0]));
        }
        Split a = Split.stratified(images, 5);
        List<LabelledImage> shuffled = new ArrayList<>(images);
        java.util.Collections.shuffle(shuffled, new Random(9));
        Split b = Split.stratified(shuffled, 5);
        assertThat(ids(a.test())).isEqualTo(ids(b.test()));
        assertThat(ids(a.validation())).isEqualTo(ids(b.validation()));
        assertThat(a.test()).hasSize(60);
        assertThat(Split.positives(a.test())).isEqualTo(20);
        assertThat(a.validation()).hasSize(30);
        assertThat(Split.positives(a.validation())).isEqualTo(10);
        Set<String> all = new HashSet<>(ids(a.train()));
        all.addAll(ids(a.validation()));
        all.addAll(ids(a.test()));
        assertThat(all).hasSize(300);
        assertThat(ids(Split.stratified(images, 6).test())).isNotEqualTo(ids(a.test()));
    }

    private static List<String> ids(List<LabelledImage> l) {
        return l.stream().map(LabelledImage::id).toList();
    }

    @Test
    void augmentationOnlyRotatesFlipsAndSlightlyRecoloursThePixels() {
        int n = 8;
        float[] img = new float[3 * n * n];
        Random r = new Random(4);
        for (int i = 0; i < img.length; i++) {
            img[i] = 0.2f + 0.6f * r.nextFloat();
        }
        for (int k = 0; k < 50; k++) {
            float[] out = Augmentation.apply(img, n, new Random(k));
            assertThat(out).hasSize(img.length);
            double sumIn = 0;
            double sumOut = 0;
            for (int i = 0; i < img.length; i++) {
                assertThat(out[i]).isBetween(0f, 1f);
                sumIn += img[i];
                sumOut += out[i];
            }
            // Geometry keeps the pixels; brightness, contrast and gain change the mean by well under 20%.
            assertThat(sumOut / sumIn).isBetween(0.8, 1.2);
        }
    }
}

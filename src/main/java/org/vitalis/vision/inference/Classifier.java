package org.vitalis.vision.inference;

import java.awt.image.BufferedImage;
import java.time.Clock;

/**
 * A loaded, checksum-verified model: preprocessing from its manifest, the ONNX network, calibration and threshold.
 * Safe to share between threads (calls to the network are serialised). Obtain one from {@link ModelRegistry}.
 */
public final class Classifier implements AutoCloseable {
    private final ModelManifest manifest;
    private final OnnxNetwork network;
    private final Preprocessing preprocessing;
    private final String sha256;
    private final Clock clock;

    Classifier(ModelManifest manifest, OnnxNetwork network, Clock clock) {
        this.manifest = manifest;
        this.network = network;
        this.preprocessing = new Preprocessing(manifest.inputSize(), manifest.mean(), manifest.std());
        // Results store the hash in lower case whatever case the manifest was written in (Windows tools write upper).
        this.sha256 = manifest.files().get(manifest.modelFile()).toLowerCase(java.util.Locale.ROOT);
        this.clock = clock;
    }

    public Classification classify(BufferedImage image) {
        return result(probabilities(preprocessing.apply(image), 1)[0]);
    }

    /** The result for a calibrated probability of the positive label, with this model's name, version and hash. */
    public Classification result(double probability) {
        String label = probability >= manifest.threshold() ? manifest.positiveLabel() : manifest.negativeLabel();
        return new Classification(label, probability, manifest.positiveLabel(), manifest.threshold(), manifest.name(),
                manifest.version(), sha256, clock.instant());
    }

    /** Calibrated probabilities of the positive label for {@code n} preprocessed inputs packed in {@code chw}. */
    public double[] probabilities(float[] chw, int n) {
        float[][] logits = network.logits(chw, n);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = calibrated(logits[i]);
        }
        return p;
    }

    private double calibrated(float[] logits) {
        int pos = manifest.positiveIndex();
        double z = logits[pos] - logits[1 - pos];
        return 1 / (1 + Math.exp(-(z / manifest.temperature() + manifest.bias())));
    }

    /** Whether the model computes its own Grad-CAM map ({@link ModelManifest#gradCamOutput()}). */
    public boolean offersGradCam() {
        return manifest.gradCamOutput() != null;
    }

    /**
     * One preprocessed input's calibrated probability and the model's map of evidence for the positive label, on its
     * last feature maps' grid: positive where a place raises the positive score, negative where it lowers it.
     *
     * @throws IllegalStateException when the model offers no Grad-CAM map
     */
    public Evidence evidence(float[] chw) {
        if (!offersGradCam()) {
            throw new IllegalStateException("Model " + manifest.name() + " has no Grad-CAM output.");
        }
        OnnxNetwork.Outputs out = network.logitsAndMap(chw, manifest.gradCamOutput());
        return new Evidence(calibrated(out.logits()), out.map());
    }

    /** See {@link #evidence(float[])}. */
    public record Evidence(double probability, float[][] positiveEvidence) {
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public String sha256() {
        return sha256;
    }

    @Override
    public void close() {
        network.close();
    }
}

package org.vitalis.vision.inference.training;

import java.util.Locale;

/** MODEL_CARD.md for a trained skin model, filled from the run's own numbers. */
final class ModelCard {
    private ModelCard() {
    }

    /** "+ 0.1234" or "− 0.1234", so the formula reads naturally. */
    static String signed(double v) {
        return String.format(Locale.ROOT, "%s %.4f", v < 0 ? "−" : "+", Math.abs(v));
    }

    static String markdown(TrainingReport r) {
        TrainingOptions o = r.options();
        String limit = o.limit() > 0 ? String.format(Locale.ROOT,
                "%n**This run used only the first %d labelled images (a pipeline check). Do not use it clinically.**%n", o.limit()) : "";
        return String.format(Locale.ROOT, """
                # %s — dermoscopic melanoma vs nevus (version %s)

                Decision support, not diagnosis. The model gives a calibrated probability that a dermoscopic image
                shows melanoma rather than a melanocytic nevus. A clinician reads the image, the probability and the
                heatmap, and decides; the decision and any override are recorded.
                %s
                ## Intended use
                - Input: one dermoscopic photograph (contact or polarised dermatoscope) of a single pigmented lesion,
                  centred in the frame, that has passed Vitalis's quality gate (sharpness, exposure, size, framing).
                - Users: clinicians in a small clinic, as a second look that can prompt referral or excision.
                - Not for: clinical (non-dermoscopic) photos, oral images, non-melanocytic lesions (basal or squamous
                  cell carcinoma, seborrhoeic keratosis, vascular lesions), mucosal, nail or acral sites, children,
                  triage without a clinician, or ruling melanoma out.

                ## Data and license
                %s. Images whose diagnosis is not nevus or melanoma (%d rows) were left out, and so were the %d
                images (%d of them melanoma) that fail Vitalis's quality gate — the gate that also guards every
                photo at inference. In this data set they are almost all thumbnails smeared into vertical streaks,
                in which no lesion is visible; `split.csv` lists them with the checks they failed. Labels come from
                the archive's metadata (melanomas histopathologically confirmed; many nevi without histopathology).
                The data set is public domain (CC0); no patient data of the clinic was used.

                ## Split
                Stratified by label with split seed %d (fixed, independent of the training seed):
                training %d images (%d melanoma), validation %d (%d melanoma), held-out test %d (%d melanoma).
                The image ids of each part are in `split.csv`. Training, early stopping, calibration and the choice of
                threshold used only the training and validation parts; the test part was scored once, at the end.

                ## Model and training
                - Small CNN from scratch: four 3×3 convolution blocks (16, 32, 64, 128 filters, batch norm, ReLU,
                  2×2 max pooling after the first three), global average pooling, dropout 0.3, linear layer to two
                  logits; input %d×%d RGB (the image's central square, area-averaged), normalised with the
                  training images' channel mean and standard deviation (in the manifest).
                - DJL 0.36.0 on PyTorch 2.7.1, CPU; AdamW (learning rate 1e-3 decaying along a cosine to 1e-5 over
                  the most epochs allowed, weight decay 1e-4), batch 32,
                  class-weighted cross-entropy (weights N / (2 N_class)), seed %d.
                - Augmentation suited to dermoscopy, which has no canonical orientation: the 8 flips/90° rotations,
                  brightness and contrast ±10%%, per-channel gain ±5%%.
                - The weights evaluated and kept are an exponential moving average of the training weights (decay
                  0.95 per step), which is steadier on a small validation split than the weights of one step.
                - Early stopping on validation ROC AUC after 20 warm-up epochs that are never kept (patience %d):
                  ran %d epochs, kept epoch %d. Training took %.0f s of wall-clock time (nice 10, two CPU cores
                  shared with other work).
                - Batch norm folded into the convolutions and written as ONNX (opset 13); ONNX Runtime's logits match
                  PyTorch's within %.1e on the validation images (the command checks this and fails above 1e-4).
                - A second output, `grad_cam`, gives the last feature maps weighed by the linear layer's melanoma-minus-
                  nevus weights: for this architecture (global average pooling, then one linear layer) that is
                  Grad-CAM's map (Selvaraju et al., ICCV 2017) of the score the probability is calibrated from, so the
                  screens explain each result with Grad-CAM without ONNX Runtime computing gradients.
                - Calibration: Platt scaling fitted on the validation split, p = sigmoid(z / %.4f %s) with
                  z = logit(melanoma) − logit(nevus); the bias undoes the class weighting's shift towards melanoma.
                - Decision threshold %.3f on the calibrated probability: the most sensitive point with at least 80%%
                  specificity on the validation split.

                ## Metrics on the held-out test split
                %s
                Sensitivity at 80%% specificity is measured at the test split's own 80%%-specificity point; the last
                row is the threshold that ships (chosen on validation), which is what a user sees.
                Calibration error: Guo et al. (ICML 2017) expected calibration error of the top-label confidence.
                With %d test images (%d melanoma) every figure is uncertain; the AUC interval shows how much.

                ## Limitations
                - Small data: a few hundred low-resolution (250×250) thumbnails from one public collection, over a
                  quarter of which are unusable streaks; results
                  on other dermatoscopes, clinics, skin types and image sizes are unknown and likely worse.
                - No information on patients: more than one image of the same lesion or patient may fall in
                  different parts of the split, which would flatter the test figures.
                - The archive's skin types are mostly light; performance on darker skin is untested.
                - Two classes only: any other lesion is forced into nevus or melanoma.
                - The probability is calibrated on %d validation images; treat it as approximate.
                - The heatmap (Grad-CAM, 12×12 over the 96-pixel input) shows where the model looked, not why a lesion
                  is malignant. On this data it often lights up the edges of the picture rather than the lesion: the
                  dark corners of the dermatoscope's round field for a melanoma result, plain bright skin at the
                  border for a nevus result. The model has partly learned that shortcut (melanomas in ISIC are more
                  often photographed with the field's black rim in view), so check the heatmap before trusting a
                  result.
                - The quality gate removes most streaked thumbnails, not all: a few with a directional balance just
                  above its limit remain in the split (for example ISIC_0000114, in the test part).

                ## Reproduce
                ```
                %s
                ```
                The same command on the same data gives the same split and, on this machine's CPU, the same metrics.
                """, r.modelName(), ModelFolder.VERSION, limit, ModelFolder.DATA_SET, r.skipped(), r.excluded(),
                r.excludedPositives(), o.splitSeed(),
                r.train(), r.trainPositives(), r.validation(), r.validationPositives(), r.test(), r.testPositives(),
                o.inputSize(), o.inputSize(), o.seed(), o.patience(), r.epochsRun(), r.bestEpoch(), r.seconds(),
                r.exportDifference(), r.calibration().temperature(), signed(r.calibration().bias()), r.threshold(),
                r.metricsTable(), r.test(), r.testPositives(), r.validation(), o.command());
    }
}

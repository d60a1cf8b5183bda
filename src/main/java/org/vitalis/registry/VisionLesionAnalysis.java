package org.vitalis.registry;

import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.domain.LesionKind;
import org.vitalis.vision.inference.Classification;
import org.vitalis.vision.inference.Classifier;
import org.vitalis.vision.inference.Explainer;
import org.vitalis.vision.inference.Heatmap;
import org.vitalis.vision.inference.HeatmapOverlay;
import org.vitalis.vision.inference.ImageDecodeException;
import org.vitalis.vision.inference.ImageDecoder;
import org.vitalis.vision.inference.ModelManifest;
import org.vitalis.vision.inference.ModelRegistry;
import org.vitalis.vision.inference.TaskModel;
import org.vitalis.vision.quality.QualityGate;
import org.vitalis.vision.quality.QualityReport;

/**
 * {@link LesionAnalysis} over the vision code: its safe decoder, its quality gate and the models installed under
 * {@code models/}. Dermoscopic pictures go to the installed skin model; oral pictures to an oral model; clinical skin
 * photographs to none, since the skin model learned from dermoscopic pictures only and would read others outside what
 * it was trained on.
 */
public final class VisionLesionAnalysis implements LesionAnalysis {
    private static final Logger LOG = LoggerFactory.getLogger(VisionLesionAnalysis.class);
    private final ImageDecoder decoder = new ImageDecoder();
    /** For dermoscopic pictures. */
    private final QualityGate gate;
    /** For clinical skin and oral photographs, taken without a dermatoscope. */
    private final QualityGate photographGate = QualityGate.photograph();
    private final Supplier<ModelRegistry> models;

    public VisionLesionAnalysis(QualityGate gate, ModelRegistry models) {
        this(gate, () -> models);
    }

    /** {@code models} may still be loading: the first question about a model waits for it. */
    public VisionLesionAnalysis(QualityGate gate, Supplier<ModelRegistry> models) {
        this.gate = gate;
        this.models = models;
    }

    @Override
    public BufferedImage decode(byte[] bytes, String fileName) {
        try {
            return decoder.decode(bytes, fileName);
        } catch (ImageDecodeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public LesionQuality check(LesionKind kind, BufferedImage picture) {
        QualityReport r = (kind == LesionKind.DERMOSCOPIC ? gate : photographGate).check(picture);
        return new LesionQuality(r.checks().stream().map(c -> new LesionQuality.Check(c.kind().name(), c.passed(),
                c.measured(), c.threshold(), c.sentence())).toList());
    }

    @Override
    public Optional<String> unavailable(LesionKind kind) {
        if (kind == LesionKind.SKIN_CLINICAL) {
            return Optional.of("The skin model reads dermoscopic pictures only.");
        }
        TaskModel t = models.get().forTask(task(kind));
        return t.available() ? Optional.empty() : Optional.of(t.reason());
    }

    private static String task(LesionKind kind) {
        return kind == LesionKind.ORAL ? ModelManifest.TASK_ORAL : ModelManifest.TASK_SKIN;
    }

    private Optional<Classifier> classifier(LesionKind kind) {
        return unavailable(kind).isPresent() ? Optional.empty() : models.get().forTask(task(kind)).classifier();
    }

    @Override
    public Optional<Reading> read(LesionKind kind, BufferedImage picture) {
        return classifier(kind).map(c -> {
            Classification r = c.classify(picture);
            LOG.debug("Model {} {} read a {} picture", r.modelName(), r.version(), kind);
            return new Reading(new LesionResult(r.label(), r.positiveLabel(), r.probability(), r.threshold(),
                    r.modelName(), r.version(), r.sha256(), r.at()), explanation(picture, c));
        });
    }

    @Override
    public Optional<Explanation> explain(LesionKind kind, BufferedImage picture, LesionResult result) {
        return classifier(kind).filter(c -> c.sha256().equals(result.modelSha256()))
                .map(c -> explanation(picture, c));
    }

    private static Explanation explanation(BufferedImage picture, Classifier c) {
        Heatmap h = Explainer.explain(picture, c);
        Method method = h.method() == Heatmap.Method.GRAD_CAM ? Method.GRAD_CAM : Method.OCCLUSION;
        return new Explanation(h.anyRegion() ? Optional.of(HeatmapOverlay.render(picture, h, 1.0)) : Optional.empty(),
                method);
    }
}

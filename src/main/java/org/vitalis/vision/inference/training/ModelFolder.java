package org.vitalis.vision.inference.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vitalis.vision.inference.ModelManifest;
import org.vitalis.vision.inference.Sha256;

/** Writes MODEL_CARD.md and manifest.json beside model.onnx and split.csv; the manifest holds every file's sha256. */
final class ModelFolder {
    static final String VERSION = "1.0.0";
    static final String DATA_SET = "ISIC archive, UDA-1 collection (isic-uda1: 550 dermoscopic 250×250 JPEG thumbnails), CC0";

    private ModelFolder() {
    }

    static void write(TrainingReport r) throws IOException {
        Path dir = r.options().out();
        Files.writeString(dir.resolve("MODEL_CARD.md"), ModelCard.markdown(r), StandardCharsets.UTF_8);
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : List.of("model.onnx", "split.csv", "MODEL_CARD.md")) {
            files.put(f, Sha256.of(dir.resolve(f)));
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("command", r.options().command());
        training.put("seed", r.options().seed());
        training.put("splitSeed", r.options().splitSeed());
        training.put("dataSet", DATA_SET);
        training.put("split", String.format(Locale.ROOT, "train %d / validation %d / test %d, stratified (split.csv)",
                r.train(), r.validation(), r.test()));
        training.put("excludedByQualityGate", r.excluded());
        training.put("engine", "DJL 0.36.0, PyTorch 2.7.1 CPU");
        training.put("epochsRun", r.epochsRun());
        training.put("bestEpoch", r.bestEpoch());
        training.put("calibration", "Platt scaling on the validation split");
        training.put("exportMaxLogitDifference", r.exportDifference());
        new ModelManifest(r.modelName(), VERSION, ModelManifest.TASK_SKIN, "OnnxRuntime", "model.onnx",
                List.of(DermoscopyDataSet.NEGATIVE, DermoscopyDataSet.POSITIVE), DermoscopyDataSet.POSITIVE,
                r.options().inputSize(), r.mean(), r.std(), r.calibration().temperature(), r.calibration().bias(),
                r.threshold(), OnnxWriter.GRAD_CAM, files, training, r.metrics().asMap()).write(dir.resolve(ModelManifest.FILE_NAME));
    }
}

package org.vitalis.vision.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code models/<name>/manifest.json} says about a model: its task, labels, input and normalisation, how its
 * output is calibrated and thresholded, and the sha256 of each file, which the registry verifies before loading.
 *
 * @param name          folder name and display name, e.g. {@code skin-melanoma-v1}
 * @param version       version shown with every result
 * @param task          which screen uses it: {@value #TASK_SKIN} or {@value #TASK_ORAL}
 * @param engine        DJL engine that runs {@code modelFile}: {@code OnnxRuntime}
 * @param modelFile     the network file inside the folder, e.g. {@code model.onnx}
 * @param labels        class names in output order; output {@code i} is the logit of {@code labels[i]}
 * @param positiveLabel the finding the probability is about (e.g. melanoma)
 * @param inputSize     side of the square input in pixels
 * @param mean          per-channel (RGB) mean of [0,1] pixel values, subtracted before the network
 * @param std           per-channel standard deviation, divided by before the network
 * @param temperature   calibration: p = sigmoid((logit_pos − logit_neg) / temperature + bias)
 * @param bias          calibration offset (Platt scaling); 0 for plain temperature scaling
 * @param threshold     calibrated probability at or above which the positive label is shown; chosen on validation data
 * @param gradCamOutput name of a second network output, [N, 1, h, w], holding Σ_k (w_pos,k − w_neg,k) A_k over the
 *                      last feature maps A_k feeding global average pooling and the final linear layer's weights w;
 *                      {@link Explainer} makes Grad-CAM of it. Absent for models without one (they get occlusion).
 * @param files         sha256 (hex) of every file the model needs, by file name
 * @param training      how the model was made (command, seed, data set, split), for the audit trail
 * @param metrics       held-out test metrics, as reported in MODEL_CARD.md
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(String name, String version, String task, String engine, String modelFile, List<String> labels,
        String positiveLabel, int inputSize, float[] mean, float[] std, double temperature, double bias, double threshold,
        String gradCamOutput, Map<String, String> files, Map<String, Object> training, Map<String, Object> metrics) {

    public static final String TASK_SKIN = "skin";
    public static final String TASK_ORAL = "oral";
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public static ModelManifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ModelManifest.class);
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(this) + "\n");
    }

    /** Every problem that makes this manifest unusable, as sentences; empty when it is sound. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (blank(name) || blank(version)) {
            p.add("name and version are required");
        }
        if (!TASK_SKIN.equals(task) && !TASK_ORAL.equals(task)) {
            p.add("task must be skin or oral, not " + task);
        }
        if (!"OnnxRuntime".equals(engine)) {
            p.add("engine must be OnnxRuntime, not " + engine);
        }
        if (labels == null || labels.size() != 2 || !labels.contains(positiveLabel)) {
            p.add("labels must name two classes, one of them the positive label");
        }
        if (inputSize < 8 || inputSize > 1024) {
            p.add("input size must be between 8 and 1024 pixels");
        }
        if (mean == null || mean.length != 3 || std == null || std.length != 3) {
            p.add("mean and std must give three channels");
        } else {
            for (float s : std) {
                if (!(s > 0)) {
                    p.add("std must be positive");
                    break;
                }
            }
        }
        if (!(temperature > 0) || !Double.isFinite(bias)) {
            p.add("temperature must be positive and bias finite");
        }
        if (!(threshold > 0 && threshold < 1)) {
            p.add("threshold must lie strictly between 0 and 1");
        }
        if (gradCamOutput != null && blank(gradCamOutput)) {
            p.add("gradCamOutput must name an output of the network, or be left out");
        }
        if (blank(modelFile) || files == null || !files.containsKey(modelFile)) {
            p.add("files must list the sha256 of the model file");
        }
        if (files != null) {
            for (String f : files.keySet()) {
                if (f.contains("/") || f.contains("\\") || f.startsWith(".")) {
                    p.add("file names must lie inside the model folder: " + f);
                }
            }
        }
        return p;
    }

    public int positiveIndex() {
        return labels.indexOf(positiveLabel);
    }

    public String negativeLabel() {
        return labels.get(1 - positiveIndex());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

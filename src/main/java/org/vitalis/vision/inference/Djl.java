package org.vitalis.vision.inference;

/**
 * DJL's switches, set once before any engine starts: nothing is ever downloaded (natives come from Maven jars on the
 * class path, models from {@code models/}), and ONNX Runtime never borrows a second engine for array operations, so
 * running the shipped models never unpacks the PyTorch natives that only training needs.
 */
final class Djl {
    private Djl() {
    }

    static {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.onnx.disable_alternative", "true");
        setIfAbsent("DJL_DEFAULT_ENGINE", "OnnxRuntime");
        // DJL would otherwise report usage statistics over the network at first use.
        setIfAbsent("OPT_OUT_TRACKING", "true");
    }

    static void configure() {
        // The static initialiser does the work; calling this forces it to run first.
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

package org.vitalis.vision.inference.training;

/**
 * Settings for DJL's PyTorch engine, made before it starts: never download (the natives come from the
 * pytorch-native-cpu and pytorch-jni jars and are unpacked once into DJL's cache), and a fixed number of threads, so
 * that a run gives the same numbers every time on the same machine.
 */
final class PyTorch {
    private PyTorch() {
    }

    static void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "2");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

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

    /** Stack for the thread that starts ONNX Runtime; reserved address space, released when the thread ends. */
    private static final long ORT_START_STACK = 256L << 20;
    private static boolean ortStarted;

    static void configure() {
        startOnnxRuntime();
    }

    /**
     * Starts DJL's ONNX Runtime engine on a thread with a large stack. ONNX Runtime 1.29's native start recurses once per
     * byte of the process's command line and overflows a normal 1 MB Java thread stack when the command line is longer
     * than about 4 KB (a long class path, or `vision classify` with many files): the JVM dies with SIGSEGV. Measured on
     * this machine; only the environment's creation is affected, so sessions and runs later use any thread.
     */
    private static synchronized void startOnnxRuntime() {
        if (ortStarted) {
            return;
        }
        ortStarted = true;
        Thread t = new Thread(null, () -> {
            try {
                ai.djl.engine.Engine.getEngine("OnnxRuntime");
            } catch (RuntimeException | LinkageError e) {
                // Reported, with its reason, when a model is loaded and the engine is asked for again.
                org.slf4j.LoggerFactory.getLogger(Djl.class).debug("ONNX Runtime did not start", e);
            }
        }, "onnxruntime-start", ORT_START_STACK);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

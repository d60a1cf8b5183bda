package org.vitalis.vision.inference.training;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a {@link FoldedCnn} as an ONNX model (IR version 8, opset 13). Field numbers are those of onnx/onnx.proto:
 * ModelProto, OperatorSetIdProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto, TypeProto and
 * TensorShapeProto. Input {@code input} [N,3,S,S] float, outputs {@code logits} [N,2] and {@code grad_cam}
 * [N,1,h,w]: the last feature maps A_k (those global average pooling reads) weighed by the linear layer's weights for
 * the positive class minus those for the negative, Σ_k (w_pos,k − w_neg,k) A_k, as a 1×1 convolution. For this network
 * that is Grad-CAM's map of the score difference before its ReLU (see {@code Explainer}).
 */
final class OnnxWriter {
    static final String INPUT = "input";
    static final String OUTPUT = "logits";
    static final String GRAD_CAM = "grad_cam";
    private static final long IR_VERSION = 8;
    private static final long OPSET = 13;
    private static final long FLOAT = 1;
    private static final long ATTR_INT = 2;
    private static final long ATTR_INTS = 7;

    private OnnxWriter() {
    }

    /** {@code positiveClass}: the output index of the label the probability is about, for the Grad-CAM output. */
    static void write(FoldedCnn net, int positiveClass, Path file, Map<String, String> metadata) throws IOException {
        Files.write(file, model(net, positiveClass, metadata));
    }

    static byte[] model(FoldedCnn net, int positiveClass, Map<String, String> metadata) {
        if (net.classes() != 2 || positiveClass < 0 || positiveClass > 1) {
            throw new IllegalArgumentException("a two-class network and a positive class of 0 or 1 are needed");
        }
        ProtoMessage m = new ProtoMessage().int64(1, IR_VERSION).string(2, "vitalis").string(3, "1")
                .message(7, graph(net, positiveClass)).message(8, new ProtoMessage().string(1, "").int64(2, OPSET));
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            m.message(14, new ProtoMessage().string(1, e.getKey()).string(2, e.getValue()));
        }
        return m.toByteArray();
    }

    private static ProtoMessage graph(FoldedCnn net, int positiveClass) {
        ProtoMessage g = new ProtoMessage();
        ProtoMessage initializers = new ProtoMessage();
        String x = INPUT;
        long side = net.inputSize();
        for (int i = 0; i < net.convs().size(); i++) {
            FoldedCnn.Conv c = net.convs().get(i);
            String w = "conv" + i + ".weight";
            String b = "conv" + i + ".bias";
            initializers.message(5, tensor(w, new long[] {c.out(), c.in(), c.kernel(), c.kernel()}, c.weight()));
            initializers.message(5, tensor(b, new long[] {c.out()}, c.bias()));
            long pad = c.kernel() / 2;
            g.message(1, node("Conv", "conv" + i, new String[] {x, w, b}, "conv" + i + ".out",
                    ints("kernel_shape", c.kernel(), c.kernel()), ints("pads", pad, pad, pad, pad), ints("strides", 1, 1)));
            g.message(1, node("Relu", "relu" + i, new String[] {"conv" + i + ".out"}, "relu" + i + ".out"));
            x = "relu" + i + ".out";
            if (c.pool()) {
                g.message(1, node("MaxPool", "pool" + i, new String[] {x}, "pool" + i + ".out",
                        ints("kernel_shape", 2, 2), ints("strides", 2, 2)));
                x = "pool" + i + ".out";
                side /= 2;
            }
        }
        initializers.message(5, tensor("grad_cam.weight", new long[] {1, net.features(), 1, 1},
                positiveMinusNegative(net, positiveClass)));
        g.message(1, node("Conv", "grad_cam", new String[] {x, "grad_cam.weight"}, GRAD_CAM,
                ints("kernel_shape", 1, 1), ints("strides", 1, 1)));
        g.message(1, node("GlobalAveragePool", "gap", new String[] {x}, "gap.out"));
        g.message(1, node("Flatten", "flatten", new String[] {"gap.out"}, "features", integer("axis", 1)));
        initializers.message(5, tensor("fc.weight", new long[] {net.classes(), net.features()}, net.fcWeight()));
        initializers.message(5, tensor("fc.bias", new long[] {net.classes()}, net.fcBias()));
        g.message(1, node("Gemm", "fc", new String[] {"features", "fc.weight", "fc.bias"}, OUTPUT, integer("transB", 1)));
        // Fields of a protobuf message may come in any order, so the initializers (field 5) follow the nodes.
        return g.string(2, "vitalis-cnn").append(initializers)
                .message(11, valueInfo(INPUT, 3, net.inputSize(), net.inputSize()))
                .message(12, valueInfo(OUTPUT, net.classes()))
                .message(12, valueInfo(GRAD_CAM, 1, side, side));
    }

    private static float[] positiveMinusNegative(FoldedCnn net, int positiveClass) {
        int f = net.features();
        float[] w = new float[f];
        for (int k = 0; k < f; k++) {
            w[k] = net.fcWeight()[positiveClass * f + k] - net.fcWeight()[(1 - positiveClass) * f + k];
        }
        return w;
    }

    private static ProtoMessage node(String op, String name, String[] inputs, String output, ProtoMessage... attributes) {
        ProtoMessage n = new ProtoMessage();
        for (String in : inputs) {
            n.string(1, in);
        }
        n.string(2, output).string(3, name).string(4, op);
        for (ProtoMessage a : attributes) {
            n.message(5, a);
        }
        return n;
    }

    private static ProtoMessage ints(String name, long... values) {
        ProtoMessage a = new ProtoMessage().string(1, name);
        for (long v : values) {
            a.int64(8, v);
        }
        return a.int64(20, ATTR_INTS);
    }

    private static ProtoMessage integer(String name, long value) {
        return new ProtoMessage().string(1, name).int64(3, value).int64(20, ATTR_INT);
    }

    private static ProtoMessage tensor(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        ProtoMessage t = new ProtoMessage();
        for (long d : dims) {
            t.int64(1, d);
        }
        return t.int64(2, FLOAT).string(8, name).bytes(9, raw.array());
    }

    /** ValueInfoProto of a float tensor whose first dimension is the symbolic batch size N. */
    private static ProtoMessage valueInfo(String name, long... dims) {
        ProtoMessage shape = new ProtoMessage().message(1, new ProtoMessage().string(2, "N"));
        for (long v : dims) {
            shape.message(1, new ProtoMessage().int64(1, v));
        }
        ProtoMessage tensorType = new ProtoMessage().int64(1, FLOAT).message(2, shape);
        return new ProtoMessage().string(1, name).message(2, new ProtoMessage().message(1, tensorType));
    }
}

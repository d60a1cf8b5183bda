package org.vitalis.vision.camera;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/**
 * Makes the demo's dermatoscope video from the four CC0 pictures the demo camera ships (resources
 * org/vitalis/app/democamera/): two seconds on each, drifting and slowly closing in as a hand-held dermatoscope does,
 * the last quarter second blending into the next picture. 480 × 360 at 10 frames a second, H.264 in MP4, through
 * jcodec's encoder. The output is the same on every run. Run from the project root:
 *
 * <pre>
 * ./mvnw -q -DskipTests test-compile org.codehaus.mojo:exec-maven-plugin:3.6.3:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.vitalis.vision.camera.DemoVideoMaker
 * </pre>
 *
 * An argument ({@code -Dexec.args=FILE}) names another output file.
 */
public final class DemoVideoMaker {
    static final Path OUTPUT = Path.of("src/main/resources/org/vitalis/app/democamera/demo-dermatoscope.mp4");
    static final List<String> PICTURES = List.of("ISIC_0000163.jpg", "ISIC_0000150.jpg", "ISIC_0000209.jpg",
            "ISIC_0000216.jpg");
    static final int WIDTH = 480;
    static final int HEIGHT = 360;
    static final int FPS = 10;
    static final int FRAMES_EACH = 20;
    private static final int BLEND_FRAMES = 3;

    private DemoVideoMaker() {
    }

    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : OUTPUT;
        make(out);
        System.out.println("Wrote " + out + " (" + Files.size(out) + " bytes)");
    }

    static void make(Path out) throws IOException {
        JcodecLog.install();
        List<BufferedImage> pictures = new ArrayList<>();
        for (String name : PICTURES) {
            try (InputStream in = DemoVideoMaker.class.getResourceAsStream("/org/vitalis/app/democamera/" + name)) {
                if (in == null) {
                    throw new IOException(name + " is not on the class path");
                }
                pictures.add(ImageIO.read(in));
            }
        }
        try (SeekableByteChannel channel = NIOUtils.writableChannel(out.toFile())) {
            AWTSequenceEncoder encoder = new AWTSequenceEncoder(channel, Rational.R(FPS, 1));
            for (int p = 0; p < pictures.size(); p++) {
                for (int f = 0; f < FRAMES_EACH; f++) {
                    BufferedImage frame = view(pictures.get(p), p, f / (double) FRAMES_EACH);
                    int blend = f - (FRAMES_EACH - BLEND_FRAMES);
                    if (blend >= 0 && p + 1 < pictures.size()) {
                        float alpha = (blend + 1f) / (BLEND_FRAMES + 1f);
                        Graphics2D g = frame.createGraphics();
                        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
                        g.drawImage(view(pictures.get(p + 1), p + 1, 0), 0, 0, null);
                        g.dispose();
                    }
                    encoder.encodeImage(frame);
                }
            }
            encoder.finish();
        }
        Files.write(out, withoutClockTimes(Files.readAllBytes(out)));
    }

    /**
     * jcodec stamps the index with the time of writing (creation and modification times of mvhd, tkhd and mdhd;
     * ISO/IEC 14496-12 §8.2.2, §8.3.2, §8.4.2); zeroed, the same pictures give the same bytes on every run.
     */
    static byte[] withoutClockTimes(byte[] mp4) {
        for (String box : List.of("mvhd", "tkhd", "mdhd")) {
            byte[] type = box.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            for (int i = 4; i + 8 <= mp4.length; i++) {
                if (java.util.Arrays.equals(mp4, i, i + 4, type, 0, 4)) {
                    int version = mp4[i + 4];
                    java.util.Arrays.fill(mp4, i + 8, Math.min(mp4.length, i + 8 + (version == 1 ? 16 : 8)), (byte) 0);
                    i += 4;
                }
            }
        }
        return mp4;
    }

    /**
     * The part of {@code picture} in view at {@code t} (0..1) of its two seconds: a 4:3 window that shrinks from
     * 92 % to 76 % of the picture's width while its centre drifts, each picture in another direction.
     */
    private static BufferedImage view(BufferedImage picture, int index, double t) {
        double w = picture.getWidth() * (0.92 - 0.16 * t);
        double h = w * HEIGHT / WIDTH;
        double driftX = (index % 2 == 0 ? 1 : -1) * 0.06 * picture.getWidth() * (t - 0.5);
        double driftY = (index < 2 ? 1 : -1) * 0.05 * picture.getHeight() * (t - 0.5);
        double x = (picture.getWidth() - w) / 2 + driftX;
        double y = (picture.getHeight() - h) / 2 + driftY;
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(picture, 0, 0, WIDTH, HEIGHT, (int) Math.round(x), (int) Math.round(y),
                    (int) Math.round(x + w), (int) Math.round(y + h), null);
        } finally {
            g.dispose();
        }
        return frame;
    }
}

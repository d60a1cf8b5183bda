package org.vitalis.vision.camera;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.IntFunction;
import javax.imageio.ImageIO;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.AudioFormat;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Rational;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.Brand;
import org.jcodec.containers.mp4.WebOptimizedMP4Muxer;
import org.jcodec.containers.mp4.boxes.VideoSampleEntry;
import org.jcodec.containers.mp4.muxer.AbstractMP4MuxerTrack;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * Real video files for tests, written with jcodec's own encoder and muxer: each frame shows its number
 * ({@link #numbered}), so a test reads back which frame it got even after lossy coding.
 */
final class TestVideos {
    private TestVideos() {
    }

    /** How many frames {@link #numbered} can tell apart. */
    static final int MAX_FRAMES = 32;
    private static final int BITS = 5;

    /**
     * Frame {@code i} as five upright stripes, white for a 1 bit of {@code i} (lowest on the left) and black for a 0:
     * it survives lossy coding and the studio-range levels of jcodec's H.264 encoder, which shift flat colours.
     */
    static BufferedImage numbered(int w, int h, int i) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        try {
            for (int bit = 0; bit < BITS; bit++) {
                g.setColor((i >> bit & 1) == 1 ? Color.WHITE : Color.BLACK);
                g.fillRect(bit * w / BITS, 0, (bit + 1) * w / BITS - bit * w / BITS, h);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Which frame a decoded picture shows, read from the middle of each stripe. */
    static int frameNumber(BufferedImage img) {
        int n = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int rgb = img.getRGB((2 * bit + 1) * img.getWidth() / (2 * BITS), img.getHeight() / 2);
            int luma = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
            n |= (luma > 128 ? 1 : 0) << bit;
        }
        return n;
    }

    /** H.264 in MP4 as jcodec's AWT encoder writes it (index at the end, one key frame). */
    static Path h264(Path file, int w, int h, int fps, int frames) throws IOException {
        return h264(file, fps, frames, i -> numbered(w, h, i));
    }

    static Path h264(Path file, int fps, int frames, IntFunction<BufferedImage> frame) throws IOException {
        JcodecLog.install();
        try (SeekableByteChannel out = NIOUtils.writableChannel(file.toFile())) {
            AWTSequenceEncoder encoder = new AWTSequenceEncoder(out, Rational.R(fps, 1));
            for (int i = 0; i < frames; i++) {
                encoder.encodeImage(frame.apply(i));
            }
            encoder.finish();
        }
        return file;
    }

    /**
     * Motion JPEG in a MOV with the index first (as cameras that stream their files write it), the sample entry
     * named {@code fourcc} and sized {@code entryW} × {@code entryH}. Frame {@code k} in the file is shown at
     * {@code shownAt[k]} tenths of a second and shows that display position's number, so a player that
     * ignores presentation times shows the numbers out of order.
     */
    static Path mjpeg(Path file, String fourcc, int w, int h, int entryW, int entryH, int[] shownAt)
            throws IOException {
        JcodecLog.install();
        try (SeekableByteChannel out = NIOUtils.writableChannel(file.toFile())) {
            MP4Muxer muxer = new WebOptimizedMP4Muxer(out, Brand.MOV, 64 * 1024);
            MuxerTrack track = muxer.addVideoTrack(Codec.JPEG, VideoCodecMeta.createSimpleVideoCodecMeta(
                    new Size(w, h), ColorSpace.YUV420J));
            // jcodec names Motion JPEG "mjpg", which QuickTime (and jcodec's own demuxer) do not know.
            ((AbstractMP4MuxerTrack) track).getEntries().set(0, VideoSampleEntry.videoSampleEntry(fourcc,
                    new Size(entryW, entryH), "Vitalis test"));
            for (int k = 0; k < shownAt.length; k++) {
                ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
                BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                rgb.getGraphics().drawImage(numbered(w, h, shownAt[k]), 0, 0, null);
                ImageIO.write(rgb, "jpeg", jpeg);
                track.addFrame(Packet.createPacket(ByteBuffer.wrap(jpeg.toByteArray()), shownAt[k], 10, 1, k,
                        Packet.FrameType.KEY, null));
            }
            muxer.finish();
        }
        return file;
    }

    static Path mjpeg(Path file, int w, int h, int frames) throws IOException {
        int[] inOrder = new int[frames];
        for (int i = 0; i < frames; i++) {
            inOrder[i] = i;
        }
        return mjpeg(file, "jpeg", w, h, w, h, inOrder);
    }

    /** An MP4 holding one second of silence and no picture. */
    static Path soundOnly(Path file) throws IOException {
        JcodecLog.install();
        try (SeekableByteChannel out = NIOUtils.writableChannel(file.toFile())) {
            MP4Muxer muxer = MP4Muxer.createMP4Muxer(out, Brand.MP4);
            MuxerTrack track = muxer.addPCMAudioTrack(AudioFormat.MONO_48K_S16_LE);
            for (int i = 0; i < 10; i++) {
                track.addFrame(Packet.createPacket(ByteBuffer.allocate(9600), i * 4800L, 48000, 4800, i,
                        Packet.FrameType.KEY, null));
            }
            muxer.finish();
        }
        return file;
    }
}

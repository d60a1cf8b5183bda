package org.vitalis.vision.camera;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.mjpeg.JpegDecoder;
import org.jcodec.common.DemuxerTrackMeta.Orientation;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one track's frames, each into a new TYPE_INT_RGB picture, cropped and turned upright as the file says. The
 * decoder writes into one buffer sized from the track's settings, so a frame that claims another size is refused
 * before it is decoded rather than allowed to allocate.
 */
abstract sealed class FrameDecoder permits FrameDecoder.H264, FrameDecoder.Jpeg {
    private static final Logger LOG = LoggerFactory.getLogger(FrameDecoder.class);

    /** A frame that cannot be shown; the message, when there is one, says why in words for the user. */
    static final class BadFrame extends Exception {
        BadFrame(String why) {
            super(why);
        }
    }

    private final Orientation orientation;

    FrameDecoder(Orientation orientation) {
        this.orientation = orientation == null ? Orientation.D_0 : orientation;
    }

    /** One frame's data as the demuxer hands it over (for H.264, NAL units with start codes). */
    abstract BufferedImage decode(ByteBuffer frame) throws BadFrame;

    BufferedImage rgb(Picture picture) {
        BufferedImage bgr = AWTUtil.toBufferedImage(picture, orientation);
        int w = bgr.getWidth();
        int h = bgr.getHeight();
        byte[] src = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0, j = 0; i < dst.length; i++, j += 3) {
            dst[i] = (src[j + 2] & 0xFF) << 16 | (src[j + 1] & 0xFF) << 8 | (src[j] & 0xFF);
        }
        return out;
    }

    static int aligned(int size) {
        return (size + 15) & ~15;
    }

    /** H.264: the coded size (whole macroblocks, ITU-T H.264 §7.4.2.1.1) of the track's sequence parameter set. */
    static final class H264 extends FrameDecoder {
        private final H264Decoder decoder;
        private final H264SliceGuard guard = new H264SliceGuard();
        private final byte[][] buffer;
        private final int mbWidth;
        private final int mbHeight;

        H264(ByteBuffer codecPrivate, SeqParameterSet sps, Orientation orientation) {
            super(orientation);
            this.mbWidth = macroblocksWide(sps);
            this.mbHeight = macroblocksHigh(sps);
            this.decoder = H264Decoder.createH264DecoderFromCodecPrivate(codecPrivate);
            onCallersThread(decoder);
            guard.learn(codecPrivate);
            this.buffer = Picture.create(mbWidth * 16, mbHeight * 16, ColorSpace.YUV420).getData();
        }

        static int macroblocksWide(SeqParameterSet sps) {
            return sps.picWidthInMbsMinus1 + 1;
        }

        /** Interlaced streams code map units of two macroblock rows; Vitalis refuses those before it gets here. */
        static int macroblocksHigh(SeqParameterSet sps) {
            return (sps.picHeightInMapUnitsMinus1 + 1) * (sps.frameMbsOnlyFlag ? 1 : 2);
        }

        @Override
        BufferedImage decode(ByteBuffer frame) throws BadFrame {
            for (ByteBuffer raw : H264Utils.getRawSPS(frame.duplicate())) {
                SeqParameterSet sps = SeqParameterSet.read(raw);
                if (macroblocksWide(sps) != mbWidth || macroblocksHigh(sps) != mbHeight) {
                    throw new BadFrame("changes its frame size there, which Vitalis does not play");
                }
            }
            guard.check(frame);
            Picture p = decoder.decodeFrame(frame, buffer);
            if (p == null) {
                throw new BadFrame(null);
            }
            return rgb(p);
        }

        /**
         * jcodec's H.264 decoder gives each instance a pool of daemon threads (one per core, never shut down) for
         * frames of several slices. Decoding stays on the caller's thread, as the camera contract wants, and the pool
         * then never starts a thread. If a later jcodec renames the flag, decoding still works, threaded.
         */
        private static void onCallersThread(H264Decoder decoder) {
            try {
                Field threaded = H264Decoder.class.getDeclaredField("threaded");
                threaded.setAccessible(true);
                threaded.setBoolean(decoder, false);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("jcodec's H.264 decoder keeps its own threads: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** Motion JPEG: every frame is a JPEG picture (ITU-T T.81) whose frame header gives its size. */
    static final class Jpeg extends FrameDecoder {
        private final JpegDecoder decoder = new JpegDecoder();
        private final byte[][] buffer;
        private final int width;
        private final int height;

        Jpeg(int width, int height, Orientation orientation) {
            super(orientation);
            this.width = width;
            this.height = height;
            // Room for full-resolution colour planes, whatever the sampling of the frames.
            this.buffer = Picture.create(aligned(width), aligned(height), ColorSpace.YUV444J).getData();
        }

        @Override
        BufferedImage decode(ByteBuffer frame) throws BadFrame {
            VideoCodecMeta meta = decoder.getCodecMeta(frame.duplicate());
            if (meta == null || meta.getSize() == null) {
                throw new BadFrame(null);
            }
            if (meta.getSize().getWidth() != width || meta.getSize().getHeight() != height) {
                throw new BadFrame("changes its frame size there, which Vitalis does not play");
            }
            Picture p = decoder.decodeFrame(frame.duplicate(), buffer);
            if (p == null) {
                throw new BadFrame(null);
            }
            return rgb(p);
        }
    }
}

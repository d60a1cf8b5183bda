package org.vitalis.ui.imaging;

import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.vision.camera.CameraException;
import org.vitalis.vision.camera.CameraSource;
import org.vitalis.vision.camera.CameraStream;
import org.vitalis.vision.camera.RecordingPosition;
import org.vitalis.vision.camera.Resolution;

/**
 * Runs one camera for a screen: every use of the stream (preview frames, stills, closing) happens on one camera thread,
 * since a stream is not for two threads at once. Results come back through the callbacks, on the camera thread.
 */
final class CameraControl implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraControl.class);
    /** Ten preview frames a second is smooth enough to aim a camera and leaves the CPU to the rest of the station. */
    private static final long FRAME_MILLIS = 100;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "camera");
        t.setDaemon(true);
        return t;
    });
    private CameraStream stream;
    private String streamKey;
    private ScheduledFuture<?> preview;

    /** A still, and where in a recording it was taken when the camera plays one. */
    record Still(BufferedImage picture, Optional<RecordingPosition> position) {
    }

    /**
     * Starts (or switches) the live preview; frames go to {@code onFrame}. A lost frame (a damaged frame of a video)
     * is told to {@code onNotice} and the preview goes on; a failure's sentence goes to {@code onError} and it stops.
     */
    void startPreview(CameraSource camera, Resolution resolution, Consumer<BufferedImage> onFrame,
            Consumer<String> onNotice, Consumer<String> onError) {
        thread.execute(() -> {
            stopPreviewNow();
            try {
                CameraStream s = open(camera, resolution);
                preview = thread.scheduleWithFixedDelay(() -> {
                    try {
                        Optional<BufferedImage> frame = s.nextFrame();
                        frame.map(CameraControl::forPreview).ifPresent(onFrame);
                    } catch (CameraException e) {
                        if (e.isFrameOnly()) {
                            onNotice.accept(e.getMessage());
                            return;
                        }
                        stopPreviewNow();
                        closeStream();
                        onError.accept(e.getMessage());
                    }
                }, 0, FRAME_MILLIS, TimeUnit.MILLISECONDS);
            } catch (CameraException e) {
                onError.accept(e.getMessage());
            }
        });
    }

    void stopPreview() {
        thread.execute(() -> {
            stopPreviewNow();
            closeStream();
        });
    }

    /** A still from the camera, opened for it when the preview is not running. */
    void capture(CameraSource camera, Resolution resolution, Consumer<Still> onStill, Consumer<String> onError) {
        thread.execute(() -> {
            try {
                CameraStream s = open(camera, resolution);
                BufferedImage picture = s.capture();
                onStill.accept(new Still(picture, s.stillPosition()));
            } catch (CameraException e) {
                onError.accept(e.getMessage());
            }
        });
    }

    /** A preview needs no more than a screen's worth of pixels; the still is taken at full resolution. */
    private static BufferedImage forPreview(BufferedImage frame) {
        int max = 640;
        if (frame.getWidth() <= max) {
            return frame;
        }
        int h = Math.max(1, frame.getHeight() * max / frame.getWidth());
        BufferedImage small = new BufferedImage(max, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(frame, 0, 0, max, h, null);
        } finally {
            g.dispose();
        }
        return small;
    }

    private CameraStream open(CameraSource camera, Resolution resolution) throws CameraException {
        String key = camera.id() + "@" + resolution;
        if (stream != null && key.equals(streamKey)) {
            return stream;
        }
        closeStream();
        stream = camera.open(resolution);
        streamKey = key;
        return stream;
    }

    private void stopPreviewNow() {
        if (preview != null) {
            preview.cancel(false);
            preview = null;
        }
    }

    private void closeStream() {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the camera failed: {}", e.getClass().getSimpleName());
            }
            stream = null;
            streamKey = null;
        }
    }

    @Override
    public void close() {
        ExecutorService t = thread;
        t.execute(() -> {
            stopPreviewNow();
            closeStream();
        });
        t.shutdown();
        try {
            t.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

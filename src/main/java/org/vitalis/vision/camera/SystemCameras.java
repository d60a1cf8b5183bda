package org.vitalis.vision.camera;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpnp.capture.CaptureDevice;
import org.openpnp.capture.CaptureFormat;
import org.openpnp.capture.CaptureStream;
import org.openpnp.capture.OpenPnpCapture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's cameras through OpenPnP capture (V4L2 on Linux, Media Foundation on Windows, AVFoundation on
 * macOS), whose native library ships inside its jar. The library's context is created on first use and kept until
 * {@link #close()}, since streams live inside it.
 */
public final class SystemCameras implements Cameras {
    private static final Logger LOG = LoggerFactory.getLogger(SystemCameras.class);
    /** How long a still waits for the camera's first frame after it starts (webcams need about a second to expose). */
    private static final long FIRST_FRAME_NANOS = 3_000_000_000L;

    private OpenPnpCapture context;
    private String failure;

    @Override
    public synchronized CameraList list() {
        OpenPnpCapture c;
        try {
            c = context();
        } catch (CameraException e) {
            return new CameraList(List.of(), Optional.of(e.getMessage()));
        }
        List<CameraSource> out = new ArrayList<>();
        try {
            for (CaptureDevice d : c.getDevices()) {
                Map<Resolution, CaptureFormat> best = bestFormats(d);
                if (!best.isEmpty()) {
                    out.add(new Device(d, best));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Listing cameras failed: {}", e.getClass().getSimpleName());
            return new CameraList(List.of(), Optional.of("The cameras could not be listed: " + e.getMessage()));
        }
        return new CameraList(out, Optional.empty());
    }

    private OpenPnpCapture context() throws CameraException {
        if (context != null) {
            return context;
        }
        if (failure != null) {
            throw new CameraException(failure);
        }
        try {
            context = new OpenPnpCapture();
            return context;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            failure = "The camera library cannot run on this system (" + e.getClass().getSimpleName() + "); photos "
                    + "can still be imported from files.";
            LOG.warn("Camera library unavailable: {}", e.toString());
            throw new CameraException(failure, e);
        }
    }

    /** Per frame size, the format with the highest frame rate (devices list each size once per pixel format). */
    private static Map<Resolution, CaptureFormat> bestFormats(CaptureDevice d) {
        Map<Resolution, CaptureFormat> best = new LinkedHashMap<>();
        d.getFormats().stream()
                .filter(f -> f.getFormatInfo().width > 0 && f.getFormatInfo().height > 0)
                .sorted(Comparator.comparingInt((CaptureFormat f) -> f.getFormatInfo().fps).reversed())
                .forEach(f -> best.putIfAbsent(new Resolution(f.getFormatInfo().width, f.getFormatInfo().height), f));
        return best;
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    private static final class Device implements CameraSource {
        private final CaptureDevice device;
        private final Map<Resolution, CaptureFormat> formats;

        Device(CaptureDevice device, Map<Resolution, CaptureFormat> formats) {
            this.device = device;
            this.formats = formats;
        }

        @Override
        public String id() {
            return "device:" + device.getUniqueId();
        }

        @Override
        public String name() {
            return device.getName();
        }

        @Override
        public List<Resolution> resolutions() {
            return formats.keySet().stream().sorted().toList();
        }

        @Override
        public CameraStream open(Resolution resolution) throws CameraException {
            CaptureFormat format = formats.get(resolution);
            if (format == null) {
                throw new CameraException(name() + " does not offer " + resolution + ".");
            }
            CaptureStream stream;
            try {
                stream = device.openStream(format);
            } catch (RuntimeException e) {
                throw new CameraException(name() + " could not be started; it may be in use by another program.", e);
            }
            if (stream == null) {
                throw new CameraException(name() + " could not be started; it may be in use by another program.");
            }
            return new Stream(name(), stream, resolution);
        }
    }

    private static final class Stream implements CameraStream {
        private final String name;
        private final CaptureStream stream;
        private final Resolution resolution;
        private boolean delivered;

        Stream(String name, CaptureStream stream, Resolution resolution) {
            this.name = name;
            this.stream = stream;
            this.resolution = resolution;
        }

        @Override
        public Resolution resolution() {
            return resolution;
        }

        @Override
        public Optional<BufferedImage> nextFrame() throws CameraException {
            if (!stream.hasNewFrame()) {
                return Optional.empty();
            }
            delivered = true;
            return Optional.of(read());
        }

        @Override
        public BufferedImage capture() throws CameraException {
            long deadline = System.nanoTime() + FIRST_FRAME_NANOS;
            // The library keeps the last frame; before the first one arrives its buffer is empty.
            while (!delivered && !stream.hasNewFrame()) {
                if (System.nanoTime() > deadline) {
                    throw new CameraException(name + " sent no picture; check that it is connected and not covered.");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CameraException("Capturing from " + name + " was interrupted.");
                }
            }
            delivered = true;
            return read();
        }

        private BufferedImage read() throws CameraException {
            try {
                return stream.capture();
            } catch (Exception e) {
                throw new CameraException(name + " stopped sending pictures.", e);
            }
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}

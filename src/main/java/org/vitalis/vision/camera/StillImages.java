package org.vitalis.vision.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads the pictures a still-image camera serves; sizes are checked from the header before pixels are decoded. */
final class StillImages {
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp");
    /** A still camera stands in for a webcam or dermatoscope; larger pictures are not what one delivers. */
    static final long MAX_PIXELS = 40_000_000L;

    private StillImages() {
    }

    static boolean isImageName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && !name.startsWith(".") && EXTENSIONS.contains(name.substring(dot + 1));
    }

    static BufferedImage read(Path file) throws CameraException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new CameraException(file.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    static BufferedImage read(InputStream in, String name) throws CameraException {
        try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = iis == null ? null : ImageIO.getImageReaders(iis);
            if (readers == null || !readers.hasNext()) {
                throw new CameraException(name + " is not a PNG, JPEG or BMP picture.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new CameraException(name + " declares " + reader.getWidth(0) + " × " + reader.getHeight(0)
                            + " pixels, outside what a camera delivers.");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new CameraException(name + " holds no picture.");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new CameraException(name + " is damaged and cannot be decoded.", e);
        }
    }
}

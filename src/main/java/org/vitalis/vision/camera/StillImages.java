package org.vitalis.vision.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.vitalis.vision.inference.ImageDecodeException;
import org.vitalis.vision.inference.ImageDecoder;

/** Reads the pictures a still-image camera serves, through the vision code's safe decoder. */
final class StillImages {
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp");
    private static final ImageDecoder DECODER = new ImageDecoder();

    private StillImages() {
    }

    static boolean isImageName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && !name.startsWith(".") && EXTENSIONS.contains(name.substring(dot + 1));
    }

    static BufferedImage read(Path file) throws CameraException {
        try {
            return DECODER.decode(file);
        } catch (ImageDecodeException e) {
            throw new CameraException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CameraException(file.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    static BufferedImage read(InputStream in, String name) throws CameraException {
        try {
            return DECODER.decode(in.readAllBytes(), name);
        } catch (ImageDecodeException e) {
            throw new CameraException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CameraException(name + " cannot be read: " + e.getMessage(), e);
        }
    }
}

package org.vitalis.vision.inference;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes imported photos (JPEG, PNG, BMP) safely: the format is told by the file's first bytes, not its name, and the
 * dimensions are read from the header before any pixel is decoded, so a file that claims 100,000 × 100,000 pixels is
 * refused instead of exhausting memory.
 */
public final class ImageDecoder {
    /** 40 megapixels: above any clinic camera still, and 160 MB as ARGB, which the default heap holds. */
    public static final long MAX_PIXELS = 40_000_000L;
    /** Larger files are not photos of a lesion; refuse before reading them into memory. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final long maxPixels;

    public ImageDecoder() {
        this(MAX_PIXELS);
    }

    public ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    public BufferedImage decode(Path file) throws ImageDecodeException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new ImageDecodeException(String.format(Locale.ROOT, "%s is %d MB; photos larger than %d MB are not accepted.",
                    file.getFileName(), size >> 20, MAX_FILE_BYTES >> 20));
        }
        return decode(Files.readAllBytes(file), file.getFileName().toString());
    }

    /** Decodes bytes; {@code name} only appears in error messages. */
    public BufferedImage decode(byte[] bytes, String name) throws ImageDecodeException {
        String format = ImageFormat.sniff(bytes).orElseThrow(() -> new ImageDecodeException(
                name + " is not a JPEG, PNG or BMP image."));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw new ImageDecodeException("No decoder for " + format + " is available.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw new ImageDecodeException(name + " declares an empty image (" + w + " × " + h + ").");
                }
                if ((long) w * h > maxPixels) {
                    throw new ImageDecodeException(String.format(Locale.ROOT,
                            "%s declares %d × %d pixels, more than the %d megapixels accepted.", name, w, h, maxPixels / 1_000_000));
                }
                ImageReadParam param = reader.getDefaultReadParam();
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new ImageDecodeException(name + " holds no image.");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports damaged files through many exception types (IIOException, ArrayIndexOutOfBounds, ...).
            throw new ImageDecodeException(name + " is damaged or truncated and cannot be decoded (" + format + ").", e);
        }
    }
}

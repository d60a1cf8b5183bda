package org.vitalis.registry;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.vitalis.vision.inference.ImageFormat;

/** The byte-level handling of lesion pictures: lossless PNG, thumbnails, media types told by signature, SHA-256. */
final class Pictures {
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String BMP = "image/bmp";
    /** Longest side of a thumbnail: enough for a row of pictures over time, small enough for every list. */
    static final int THUMBNAIL_SIZE = 256;

    private Pictures() {
    }

    /** The media type by the file's first bytes (never its name); empty for anything but PNG, JPEG and BMP. */
    static Optional<String> mediaType(byte[] b) {
        return ImageFormat.sniff(b).map(format -> "image/" + format);
    }

    static String extension(String mediaType) {
        return switch (mediaType) {
            case PNG -> "png";
            case JPEG -> "jpg";
            case BMP -> "bmp";
            default -> throw new IllegalArgumentException("unknown media type " + mediaType);
        };
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("No PNG writer is available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /** The picture scaled so its longer side is at most {@link #THUMBNAIL_SIZE}, as PNG. */
    static byte[] thumbnail(BufferedImage image) {
        double scale = Math.min(1.0, (double) THUMBNAIL_SIZE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return png(small);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

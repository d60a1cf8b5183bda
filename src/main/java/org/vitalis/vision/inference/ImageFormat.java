package org.vitalis.vision.inference;

import java.util.Optional;

/** Tells JPEG, PNG and BMP apart by their signatures (the file's first bytes), never by the file name. */
public final class ImageFormat {
    private ImageFormat() {
    }

    /** "jpeg", "png" or "bmp" (ImageIO's format names, and the subtype of the image/ media type); else empty. */
    public static Optional<String> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of("jpeg");
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Optional.of("png");
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return Optional.of("bmp");
        }
        return Optional.empty();
    }
}

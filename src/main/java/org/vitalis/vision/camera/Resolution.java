package org.vitalis.vision.camera;

/** A frame size a camera offers, in pixels. */
public record Resolution(int width, int height) implements Comparable<Resolution> {
    public Resolution {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("A resolution needs a positive width and height, not " + width + " × "
                    + height);
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    @Override
    public int compareTo(Resolution o) {
        int byPixels = Long.compare(pixels(), o.pixels());
        return byPixels != 0 ? byPixels : Integer.compare(width, o.width);
    }

    @Override
    public String toString() {
        return width + " × " + height;
    }
}

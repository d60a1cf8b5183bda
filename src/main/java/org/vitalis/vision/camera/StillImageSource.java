package org.vitalis.vision.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A camera that shows pictures instead of a live scene, for the demo and for tests: the preview shows the current
 * picture, a still returns it and moves on to the next, cycling. Its one resolution is the largest picture's size;
 * pictures are served as they are, never scaled.
 */
public final class StillImageSource implements CameraSource {
    private final String id;
    private final String name;
    private final List<BufferedImage> images;
    /** Shared by all streams of this source, so reopening the camera does not start over at the first picture. */
    private final AtomicInteger next = new AtomicInteger();

    private StillImageSource(String id, String name, List<BufferedImage> images) {
        this.id = id;
        this.name = name;
        this.images = List.copyOf(images);
    }

    /** Every PNG, JPEG and BMP picture in {@code folder}, in file-name order. */
    public static StillImageSource fromFolder(String name, Path folder) throws CameraException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).filter(StillImages::isImageName).sorted().toList();
        } catch (IOException e) {
            throw new CameraException("The folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
        List<BufferedImage> images = new ArrayList<>();
        for (Path f : files) {
            images.add(StillImages.read(f));
        }
        if (images.isEmpty()) {
            throw new CameraException("The folder " + folder + " holds no PNG, JPEG or BMP pictures.");
        }
        return new StillImageSource("folder:" + folder.toAbsolutePath(), name, images);
    }

    /** Pictures shipped next to {@code anchor} on the class path, in the order given. */
    public static StillImageSource fromResources(String name, Class<?> anchor, List<String> resources)
            throws CameraException {
        List<BufferedImage> images = new ArrayList<>();
        for (String r : resources) {
            try (InputStream in = anchor.getResourceAsStream(r)) {
                if (in == null) {
                    throw new CameraException("The picture " + r + " is missing from this build.");
                }
                images.add(StillImages.read(in, r));
            } catch (IOException e) {
                throw new CameraException("The picture " + r + " cannot be read.", e);
            }
        }
        if (images.isEmpty()) {
            throw new CameraException("A still-image camera needs at least one picture.");
        }
        return new StillImageSource("resources:" + anchor.getPackageName() + "/" + name, name, images);
    }

    public int size() {
        return images.size();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Resolution> resolutions() {
        int w = images.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int h = images.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
        return List.of(new Resolution(w, h));
    }

    @Override
    public CameraStream open(Resolution resolution) throws CameraException {
        if (!resolutions().contains(resolution)) {
            throw new CameraException(name + " does not offer " + resolution + ".");
        }
        return new CameraStream() {
            private int shown = -1;

            @Override
            public Resolution resolution() {
                return resolution;
            }

            @Override
            public Optional<BufferedImage> nextFrame() {
                int current = Math.floorMod(next.get(), images.size());
                if (current == shown) {
                    return Optional.empty();
                }
                shown = current;
                return Optional.of(copy(images.get(current)));
            }

            @Override
            public BufferedImage capture() {
                int current = Math.floorMod(next.getAndIncrement(), images.size());
                return copy(images.get(current));
            }

            @Override
            public void close() {
                // nothing was started
            }
        };
    }

    /** Callers may draw on what they get; the source's pictures stay as they were. */
    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getColorModel(), src.copyData(null), src.isAlphaPremultiplied(), null);
        return out;
    }
}

package org.vitalis.vision.camera;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * A video file played as a camera: dermatoscopes and intraoral cameras often record clips, and the doctor captures
 * the right frame while it plays. MP4 and MOV files coded as H.264 or Motion JPEG (what jcodec decodes, in pure
 * Java); the file is checked through when opened, and every stream opens it afresh. The preview plays the video in
 * real time and starts over at its end; a still is the frame on screen.
 */
public final class VideoFileSource implements CameraSource {
    private final Path file;
    private final String name;
    private final InstantSource clock;
    private final Resolution resolution;
    private final VideoCodec codec;
    private final int frames;
    private final Duration duration;
    private final double frameRate;

    private VideoFileSource(Path file, String name, InstantSource clock, VideoFile video) {
        this.file = file;
        this.name = name;
        this.clock = clock;
        this.resolution = video.resolution();
        this.codec = video.codec();
        this.frames = video.schedule().frames();
        this.duration = Duration.ofNanos(video.schedule().loopNanos());
        this.frameRate = video.schedule().frameRate();
    }

    /**
     * Checks {@code file} through and reads its frame size, frame rate and length; named by its file name, played by
     * the system clock.
     *
     * @throws CameraException saying what is wrong, in words for the user, when the file is missing or unreadable,
     *         not an MP4 or MOV video, has no video track, is coded in a way Vitalis does not play, has frames too
     *         large, or is damaged
     */
    public static VideoFileSource open(Path file) throws CameraException {
        Path absolute = file.toAbsolutePath();
        String fileName = absolute.getFileName() == null ? absolute.toString() : absolute.getFileName().toString();
        return open(file, fileName, InstantSource.system());
    }

    /** As {@link #open(Path)}, shown as {@code name} and played by {@code clock}. */
    public static VideoFileSource open(Path file, String name, InstantSource clock) throws CameraException {
        Path absolute = file.toAbsolutePath();
        try (VideoFile video = VideoFile.open(absolute)) {
            return new VideoFileSource(absolute, name, clock, video);
        }
    }

    @Override
    public String id() {
        return "video:" + file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Resolution> resolutions() {
        return List.of(resolution);
    }

    /** "H.264" or "Motion JPEG". */
    public String coding() {
        return codec.label();
    }

    /** Frames played in each round (those wholly in the file). */
    public int frames() {
        return frames;
    }

    /** How long one round of the video lasts. */
    public Duration duration() {
        return duration;
    }

    /** Frames a second, on average over the video. */
    public double frameRate() {
        return frameRate;
    }

    @Override
    public CameraStream open(Resolution size) throws CameraException {
        if (!resolution.equals(size)) {
            throw new CameraException(name + " is a video of " + resolution + " pixels, not " + size + ".");
        }
        VideoFile video = VideoFile.open(file);
        if (!video.resolution().equals(resolution)) {
            video.close();
            throw new CameraException(name + " has changed since it was opened; open it again.");
        }
        return new VideoStream(video, clock);
    }
}

package org.vitalis.vision.camera;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plays a video file in real time by {@code clock}, from the first frame asked for, starting over at the end. A frame
 * is decoded when it is due, on the caller's thread; frames decoded early (shown later, as B-frames make them) wait
 * in a small buffer. A caller that cannot keep up sees the video run slow rather than wait: each call decodes a few
 * frames at most, and when far behind jumps ahead to a frame that decodes on its own.
 */
final class VideoStream implements CameraStream {
    /** Enough to follow a 60 fps video polled ten times a second. */
    private static final int MAX_DECODES_PER_CALL = 8;

    private final VideoFile video;
    private final FrameSchedule schedule;
    private final InstantSource clock;
    private final TreeMap<Integer, BufferedImage> waiting = new TreeMap<>();
    private Instant start;
    private long shownLoop = -1;
    private int shownIndex = -1;
    private BufferedImage shown;
    private int shownImageIndex;
    private RecordingPosition captured;
    private boolean toldCutShort;
    private boolean closed;

    VideoStream(VideoFile video, InstantSource clock) {
        this.video = video;
        this.schedule = video.schedule();
        this.clock = clock;
    }

    @Override
    public Resolution resolution() {
        return video.resolution();
    }

    @Override
    public Optional<BufferedImage> nextFrame() throws CameraException {
        checkOpen();
        Instant now = clock.instant();
        if (start == null) {
            start = now;
        }
        long elapsed = Math.max(0, Duration.between(start, now).toNanos());
        long loop = elapsed / schedule.loopNanos();
        int due = schedule.displayAt(elapsed % schedule.loopNanos());
        if (loop == shownLoop && due == shownIndex) {
            return Optional.empty();
        }
        if (loop > 0 && !toldCutShort && video.listedFrames() > schedule.frames()) {
            toldCutShort = true;
            throw CameraException.frameOnly(video.name() + " ends early: only " + schedule.frames() + " of its "
                    + video.listedFrames() + " frames are in the file, so it starts over after them.", null);
        }
        if (loop != shownLoop) {
            // Starting over: nothing decoded for the last round is shown in this one.
            waiting.clear();
            shownIndex = -1;
        }
        shownLoop = loop;
        return Optional.ofNullable(frameAt(due));
    }

    /**
     * Shows the frame {@code due} (display order), or the latest one decoded on the way when the decoding budget ran
     * out; null when nothing newer than what is shown came out.
     */
    private BufferedImage frameAt(int due) throws CameraException {
        waiting.headMap(due).clear();
        BufferedImage ready = waiting.remove(due);
        if (ready != null) {
            return show(due, ready);
        }
        int target = schedule.decodeIndexOf(due);
        int next = video.nextToRead();
        int sync = video.syncAtOrBefore(target);
        if (target < next || sync > next && target - next >= MAX_DECODES_PER_CALL) {
            // Already past the due frame, or too far behind it: go from the sync frame before it.
            next = sync;
            waiting.clear();
        }
        BufferedImage latest = null;
        int latestIndex = shownIndex;
        for (int budget = MAX_DECODES_PER_CALL; budget > 0 && next <= target; budget--, next++) {
            int d = schedule.displayIndexOf(next);
            BufferedImage frame;
            try {
                frame = video.decode(next);
            } catch (CameraException e) {
                if (e.isFrameOnly() && d == due) {
                    // Not tried again until it is due again; the last good frame stays on screen.
                    shownIndex = due;
                }
                throw e;
            }
            if (d == due) {
                return show(due, frame);
            }
            if (d > due) {
                waiting.put(d, frame);
                if (waiting.size() > schedule.reorderDepth() + 1) {
                    waiting.pollLastEntry();
                }
            } else if (d > latestIndex) {
                latest = frame;
                latestIndex = d;
            }
        }
        return latest == null ? null : show(latestIndex, latest);
    }

    private BufferedImage show(int index, BufferedImage frame) {
        shown = frame;
        shownIndex = index;
        shownImageIndex = index;
        return frame;
    }

    @Override
    public BufferedImage capture() throws CameraException {
        checkOpen();
        if (shown == null) {
            // Nothing on screen yet: the first frame, without starting the clock.
            frameAt(0);
            if (shown == null) {
                throw new CameraException(video.name() + " has shown no frame yet; try again.");
            }
            shownLoop = -1;
        }
        captured = new RecordingPosition(video.name(), schedule.timeOf(shownImageIndex));
        BufferedImage copy = new BufferedImage(shown.getWidth(), shown.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.setData(shown.getRaster());
        return copy;
    }

    @Override
    public Optional<RecordingPosition> stillPosition() {
        return Optional.ofNullable(captured);
    }

    private void checkOpen() throws CameraException {
        if (closed) {
            throw new CameraException(video.name() + " was closed.");
        }
    }

    @Override
    public void close() {
        closed = true;
        waiting.clear();
        shown = null;
        video.close();
    }
}

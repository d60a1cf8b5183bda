package org.vitalis.vision.camera;

import java.time.Duration;
import java.util.Objects;

/** Where a still was taken within a recorded video: the file's name and the time into it. */
public record RecordingPosition(String fileName, Duration at) {
    public RecordingPosition {
        Objects.requireNonNull(fileName, "fileName");
        if (at == null || at.isNegative()) {
            throw new IllegalArgumentException("A position in a video is a time from its start, not " + at);
        }
    }

    /** The time as players show it, to the tenth of a second: "00:03.2", or "1:02:03.4" past an hour. */
    public String time() {
        long tenths = at.toMillis() / 100;
        long seconds = tenths / 10;
        long minutes = seconds / 60;
        long hours = minutes / 60;
        String mmss = String.format(java.util.Locale.ROOT, "%02d:%02d.%d", minutes % 60, seconds % 60, tenths % 10);
        return hours > 0 ? hours + ":" + mmss : mmss;
    }

    /** As the stored photo's source records it, e.g. "video visit.mp4 at 00:03.2". */
    public String describe() {
        return "video " + fileName + " at " + time();
    }
}

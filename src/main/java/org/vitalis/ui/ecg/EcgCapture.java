package org.vitalis.ui.ecg;

import org.vitalis.ecg.format.EcgRecord;

/**
 * One recording being taken from a live trace. A fixed-length recording starts with what is already buffered (up
 * to its length) and waits for the rest; an open one starts now and ends at {@link #stop()} or its longest length.
 * It starts only once the trace's channels are on one clock, and fails rather than splice if the trace starts over
 * (a gap in the stream, lost chunks) before it is complete.
 */
final class EcgCapture {
    /** Where a capture stands after {@link #poll()}. */
    enum State { WAITING, RUNNING, COMPLETE, FAILED }

    private final DeviceTrace trace;
    private final double seconds;
    private final boolean open;
    private final int generation;
    private long from = -1;
    private long to;
    private State state = State.WAITING;
    private boolean interrupted;
    private EcgRecord record;

    private EcgCapture(DeviceTrace trace, double seconds, boolean open) {
        this.trace = trace;
        this.seconds = seconds;
        this.open = open;
        this.generation = trace.generation();
    }

    /** The last {@code seconds} of the stream, with as much of it from the buffer as there is. */
    static EcgCapture fixed(DeviceTrace trace, double seconds) {
        return new EcgCapture(trace, seconds, false);
    }

    /** From now until {@link #stop()}, at most {@code maxSeconds}. */
    static EcgCapture open(DeviceTrace trace, double maxSeconds) {
        return new EcgCapture(trace, maxSeconds, true);
    }

    boolean isOpen() {
        return open;
    }

    String deviceId() {
        return trace.deviceId();
    }

    /** Ends an open capture with what it has; one with no samples yet fails. */
    void stop() {
        if (state == State.RUNNING || state == State.WAITING) {
            long end = trace.commonEnd();
            if (from < 0 || end <= from) {
                state = State.FAILED;
            } else {
                to = Math.min(to, end);
            }
        }
    }

    /** Advances with the trace; call after each drain. */
    State poll() {
        if (state == State.COMPLETE || state == State.FAILED) {
            return state;
        }
        if (trace.generation() != generation) {
            interrupted = true;
            state = State.FAILED;
            return state;
        }
        long n = Math.round(seconds * trace.samplingFrequency());
        if (from < 0) {
            if (!trace.synchronised()) {
                return state;
            }
            long end = trace.commonEnd();
            from = open ? end : Math.max(trace.recordableStart(), end - n);
            to = from + n;
            state = State.RUNNING;
        }
        if (trace.commonEnd() >= to) {
            record = RecordingBuilder.build(trace, from, to, "ecg-" + trace.arrivalOf(from).toEpochMilli());
            state = State.COMPLETE;
        }
        return state;
    }

    /** 0..1 of the samples in so far. */
    double progress() {
        if (from < 0) {
            return 0;
        }
        return Math.min(1, (double) (trace.commonEnd() - from) / Math.max(1, to - from));
    }

    /** Seconds recorded so far. */
    double recordedSeconds() {
        return from < 0 ? 0 : Math.max(0, Math.min(trace.commonEnd(), to) - from) / trace.samplingFrequency();
    }

    /** Failed because the stream broke, not because it was stopped before it began. */
    boolean interrupted() {
        return interrupted;
    }

    EcgRecord record() {
        return record;
    }
}

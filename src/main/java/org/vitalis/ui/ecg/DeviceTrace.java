package org.vitalis.ui.ecg;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vitalis.ecg.format.LimbLeads;

/**
 * One ECG device's live channels on a common sample clock, so that leads recorded together line up sample for
 * sample (lead III is II minus I only if both are the same instant).
 *
 * <p>Chunks carry no sample number, so the clock is rebuilt from how drivers deliver them: every channel of a device
 * is chunked at the same samples and delivered round by round, and all chunks of one round start with the same sample,
 * hence the same arrival time. A chunk whose arrival time differs from the previous chunk's therefore starts a new
 * round, and at that moment every channel must have delivered the same number of samples. A screen that starts
 * listening in the middle of a round sees some channels one chunk ahead; the first round boundary renumbers them
 * onto the others' clock. Once the clock has held over a whole round the trace is <em>synchronised</em>; after that a
 * mismatch means a chunk was lost, and the trace starts over rather than splice two moments together. So do a gap in
 * the stream, chunks the driver dropped, and a change of a channel's scale.
 */
public final class DeviceTrace {
    private final String deviceId;
    private final double rate;
    private final int capacity;
    private final Map<String, ChannelRing> channels = new TreeMap<>(LeadOrder.COMPARATOR);
    private Instant lastArrival;
    private long lastChunkStart;
    private boolean newSinceBoundary;
    private boolean synchronised;
    private int generation;
    private long droppedSeen = -1;
    private long cleared;
    /** Where the sample clock continues after a restart, so that numbers never run backwards. */
    private long restartIndex;
    /** The start of the first round checked in this generation; nothing before it may be recorded. */
    private long recordableFrom = Long.MAX_VALUE;

    DeviceTrace(String deviceId, double rate, Duration buffered) {
        this.deviceId = deviceId;
        this.rate = rate;
        this.capacity = Math.toIntExact(Math.round(Math.ceil(rate * buffered.toMillis() / 1000.0)));
    }

    public String deviceId() {
        return deviceId;
    }

    public double samplingFrequency() {
        return rate;
    }

    /** Counts the times the trace started over; a recording spanning a restart is not one recording. */
    public int generation() {
        return generation;
    }

    /** Whether the channels' clock has been checked over a whole round of chunks. */
    public boolean synchronised() {
        return synchronised;
    }

    /** Samples that were buffered and then let go because the trace started over. */
    public long cleared() {
        return cleared;
    }

    /**
     * Adds a chunk of device counts; false (and nothing stored) when its rate is not this device's.
     */
    boolean accept(String channel, double sampleRateHz, Instant firstArrival, int[] counts, ChannelRing.Scale scale) {
        if (sampleRateHz != rate) {
            return false;
        }
        ChannelRing ring = channels.get(channel);
        if (ring != null && !ring.scale().equals(scale)) {
            restart();
            ring = null;
        }
        boolean boundary = lastArrival != null && !firstArrival.equals(lastArrival);
        if (boundary && !channels.isEmpty() && !roundBoundary()) {
            boundary = false;
            ring = null;
        }
        if (ring == null) {
            long first = channels.isEmpty() ? restartIndex : boundary ? maxEnd() : lastChunkStart;
            ring = new ChannelRing(channel, rate, scale, capacity, first);
            channels.put(channel, ring);
            newSinceBoundary = true;
            synchronised = false;
        }
        long chunkStart = ring.end();
        ring.append(counts);
        lastArrival = firstArrival;
        lastChunkStart = chunkStart;
        return true;
    }

    /** Checks the clock at the start of a round; false when the trace had to start over. */
    private boolean roundBoundary() {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (ChannelRing r : channels.values()) {
            min = Math.min(min, r.end());
            max = Math.max(max, r.end());
        }
        if (min != max) {
            if (synchronised) {
                restart();
                return false;
            }
            for (ChannelRing r : channels.values()) {
                r.renumber(min - r.end());
            }
        } else if (!newSinceBoundary) {
            synchronised = true;
        }
        newSinceBoundary = false;
        recordableFrom = Math.min(recordableFrom, min);
        return true;
    }

    /** The stream broke (a gap, dropped chunks): forget the channels and rebuild the clock from the next chunk. */
    void restart() {
        long end = commonEnd();
        for (ChannelRing r : channels.values()) {
            cleared += r.end() - r.start();
        }
        channels.clear();
        restartIndex = end;
        lastArrival = null;
        recordableFrom = Long.MAX_VALUE;
        newSinceBoundary = false;
        synchronised = false;
        generation++;
    }

    /** The driver's count of events it dropped for slow listeners; any increase means chunks were lost. */
    void dropped(long dropped) {
        if (droppedSeen >= 0 && dropped > droppedSeen) {
            restart();
        }
        droppedSeen = dropped;
    }

    private long maxEnd() {
        long max = Long.MIN_VALUE;
        for (ChannelRing r : channels.values()) {
            max = Math.max(max, r.end());
        }
        return max;
    }

    /** The first sample every channel holds. */
    public long commonStart() {
        long s = channels.isEmpty() ? restartIndex : Long.MIN_VALUE;
        for (ChannelRing r : channels.values()) {
            s = Math.max(s, r.start());
        }
        return s;
    }

    /**
     * The first sample a recording may use. Drivers deliver a gap ahead of the chunks still queued before it, so a
     * restarted trace may begin with a few samples from before the gap; they end at the first round boundary, where
     * the stream visibly resumes, and nothing before that boundary is recorded.
     */
    public long recordableStart() {
        return Math.max(recordableFrom, commonStart());
    }

    /** One past the last sample every channel holds. */
    public long commonEnd() {
        long e = channels.isEmpty() ? restartIndex : Long.MAX_VALUE;
        for (ChannelRing r : channels.values()) {
            e = Math.min(e, r.end());
        }
        return e;
    }

    /** When sample {@code index} arrived, estimated from the latest chunk's arrival and the sampling rate. */
    public Instant arrivalOf(long index) {
        Instant last = lastArrival == null ? Instant.now() : lastArrival;
        return last.minusNanos(Math.round((lastChunkStart - index) * 1e9 / rate));
    }

    List<ChannelRing> channels() {
        return List.copyOf(channels.values());
    }

    /** The leads to draw in conventional order; III, aVR, aVL and aVF derived from I and II when not sent. */
    public List<LeadSignal> leads() {
        Map<String, LeadSignal> out = new TreeMap<>(LeadOrder.COMPARATOR);
        out.putAll(channels);
        ChannelRing one = channels.get("I");
        ChannelRing two = channels.get("II");
        if (one != null && two != null) {
            for (String name : LimbLeads.NAMES) {
                out.putIfAbsent(name, new DerivedLimbLead(name, one, two));
            }
        }
        return new ArrayList<>(out.values());
    }
}

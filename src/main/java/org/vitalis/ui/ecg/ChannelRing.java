package org.vitalis.ui.ecg;

/**
 * The newest samples of one live channel as the device's own integer counts, so that what is recorded from the
 * buffer is exactly what the device measured. Samples are numbered on the device's sample clock (shared by all
 * channels of the device); the ring keeps the last {@code capacity} of them.
 */
final class ChannelRing implements LeadSignal {
    private final String label;
    private final double rate;
    private final Scale scale;
    private final int[] ring;
    private long start;
    private long end;

    /** The scale of a channel's counts: {@code millivolts = (count - baseline) / gain * toMillivolts}. */
    record Scale(double gain, int baseline, String unit) {
        double toMillivolts() {
            return switch (unit) {
                case "uV" -> 0.001;
                case "V" -> 1000;
                default -> 1;
            };
        }
    }

    ChannelRing(String label, double rate, Scale scale, int capacity, long firstIndex) {
        this.label = label;
        this.rate = rate;
        this.scale = scale;
        this.ring = new int[capacity];
        this.start = firstIndex;
        this.end = firstIndex;
    }

    void append(int[] counts) {
        for (int c : counts) {
            ring[slot(end)] = c;
            end++;
        }
        start = Math.max(start, end - ring.length);
    }

    /** Renumbers every sample by {@code delta}; the ring slots follow because they are taken from the number. */
    void renumber(long delta) {
        if (delta == 0) {
            return;
        }
        int[] copy = counts(start, end);
        start += delta;
        end = start;
        append(copy);
    }

    Scale scale() {
        return scale;
    }

    int count(long index) {
        return ring[slot(index)];
    }

    /** Counts of samples [from, to), which must be held. */
    int[] counts(long from, long to) {
        if (from < start || to > end || from > to) {
            throw new IllegalArgumentException("samples " + from + ".." + to + " of " + label + " are not held (" + start
                    + ".." + end + ")");
        }
        int[] out = new int[Math.toIntExact(to - from)];
        for (int i = 0; i < out.length; i++) {
            out[i] = ring[slot(from + i)];
        }
        return out;
    }

    private int slot(long index) {
        return (int) Math.floorMod(index, (long) ring.length);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public double samplingFrequency() {
        return rate;
    }

    @Override
    public long start() {
        return start;
    }

    @Override
    public long end() {
        return end;
    }

    @Override
    public double millivolts(long index) {
        return (ring[slot(index)] - scale.baseline()) / scale.gain() * scale.toMillivolts();
    }
}

package org.vitalis.ui.ecg;

/**
 * One lead as the strips draw it: millivolts by sample number. Live leads number their samples by the device's
 * sample clock and hold only a window [{@link #start()}, {@link #end()}); a stored recording holds 0..n.
 */
public interface LeadSignal {
    String label();

    double samplingFrequency();

    /** The first sample held. */
    long start();

    /** One past the last sample held. */
    long end();

    /** Sample {@code index} in millivolts; {@code start() <= index < end()}. */
    double millivolts(long index);
}

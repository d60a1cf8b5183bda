package org.vitalis.ecg.signal;

/** Zero-phase clean-up filters for display and analysis; every method returns a new array. */
public final class EcgFilters {
    /**
     * Default baseline cut-off: 0.67 Hz, the low-frequency limit for monitoring ECGs recommended by the AHA
     * (Kligfield et al., Circulation 115:1306, 2007), because it is the slowest plausible heart rate (40 /min).
     */
    public static final double BASELINE_CUTOFF_HZ = 0.67;
    /** Notch quality factor: a 50 Hz notch is then about 1.7 Hz wide, so mains drift of ±0.5 Hz stays inside it. */
    public static final double NOTCH_Q = 30;

    private EcgFilters() {
    }

    /**
     * Removes baseline wander with a forward-backward second-order Butterworth high-pass: zero phase, so the
     * ST segment is not shifted as a one-way filter would shift it.
     */
    public static double[] removeBaselineWander(double[] x, double fs, double cutoffHz) {
        double[] y = new double[x.length];
        Biquad.highPass(cutoffHz, fs).filtfilt(x, y);
        return y;
    }

    public static double[] removeBaselineWander(double[] x, double fs) {
        return removeBaselineWander(x, fs, BASELINE_CUTOFF_HZ);
    }

    /**
     * Removes mains interference at {@code mainsHz} (50 or 60) and, where the sampling rate allows, its second
     * harmonic, with zero-phase notches.
     */
    public static double[] removePowerline(double[] x, double fs, double mainsHz) {
        if (mainsHz != 50 && mainsHz != 60) {
            throw new IllegalArgumentException("mains frequency must be 50 or 60 Hz, not " + mainsHz);
        }
        if (mainsHz >= fs / 2) {
            throw new IllegalArgumentException("mains frequency " + mainsHz + " Hz is above the Nyquist frequency of " + fs + " Hz");
        }
        double[] y = new double[x.length];
        Biquad.notch(mainsHz, fs, NOTCH_Q).filtfilt(x, y);
        if (2 * mainsHz < fs / 2) {
            Biquad.notch(2 * mainsHz, fs, NOTCH_Q).filtfilt(y, y);
        }
        return y;
    }
}

package org.vitalis.ecg.format;

import java.util.Objects;

/**
 * One lead as stored: integer samples exactly as the source gave them, and the scale that turns
 * them into physical units. Keeping the integers (not volts as doubles) is what makes every
 * conversion lossless.
 *
 * @param label    lead name as the source names it ("I", "II", "V1", "MLII", ...)
 * @param samples  raw integer samples
 * @param gain     sample units per {@code unit} (WFDB "gain", EDF digital range / physical range)
 * @param baseline sample value that means 0 {@code unit}
 * @param unit     physical unit of the lead, "mV" or "uV" (UCUM spelling)
 */
public record EcgLead(String label, int[] samples, double gain, int baseline, String unit) {
    public EcgLead {
        Objects.requireNonNull(label);
        Objects.requireNonNull(samples);
        Objects.requireNonNull(unit);
        if (!(gain > 0) || Double.isInfinite(gain)) {
            throw new IllegalArgumentException("Lead " + label + ": gain must be a positive number, not " + gain);
        }
    }

    /** Whether the lead is a voltage (an ECG lead), as opposed to another signal a recording carries (Resp, SpO2). */
    public boolean isVoltage() {
        return isVoltage(unit);
    }

    /** Whether a unit is one of the voltages ECG leads come in: "uV", "mV" or "V" (UCUM). */
    public static boolean isVoltage(String unit) {
        return switch (unit) {
            case "uV", "mV", "V" -> true;
            default -> false;
        };
    }

    /** Sample {@code i} in microvolts. */
    public double microvolts(int i) {
        double physical = (samples[i] - baseline) / gain;
        return switch (unit) {
            case "uV" -> physical;
            case "mV" -> physical * 1000.0;
            case "V" -> physical * 1_000_000.0;
            default -> throw new IllegalStateException("Lead " + label + " has unit " + unit + ", not a voltage");
        };
    }

    /** The whole lead in millivolts, the unit ECG analysis works in. */
    public double[] millivolts() {
        double[] out = new double[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = microvolts(i) / 1000.0;
        }
        return out;
    }
}

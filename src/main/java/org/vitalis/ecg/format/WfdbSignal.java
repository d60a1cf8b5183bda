package org.vitalis.ecg.format;

/**
 * One signal line of a WFDB header (see WFDB header(5)): where the samples live and how ADC units map to
 * physical units, {@code physical = (adc - baseline) / gain}.
 *
 * @param fileName     signal file, relative to the header's directory
 * @param format       storage format (16 or 212 are decoded here)
 * @param byteOffset   bytes to skip at the start of the signal file
 * @param gain         ADC units per physical unit; 200 when the header says 0 or nothing (WFDB DEFGAIN)
 * @param baseline     ADC value of physical zero; defaults to {@code adcZero}
 * @param units        physical units, "mV" when absent
 * @param adcResolution bits of the ADC, 12 for format 212 and 16 otherwise when absent
 * @param adcZero      ADC value of the middle of the input range
 * @param initialValue first sample, as written in the header (checked against the data if present)
 * @param checksum     16-bit sum of all samples, or {@code null} when the header has none
 * @param blockSize    block size (0 for ordinary files)
 * @param description  free text, e.g. the lead name
 */
public record WfdbSignal(String fileName, int format, long byteOffset, double gain, int baseline, String units,
        int adcResolution, int adcZero, Integer initialValue, Integer checksum, int blockSize, String description) {

    /** Converts one ADC sample to physical units. */
    public double toPhysical(int adc) {
        return (adc - baseline) / gain;
    }
}

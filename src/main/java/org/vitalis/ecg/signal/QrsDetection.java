package org.vitalis.ecg.signal;

/**
 * Detected QRS complexes.
 *
 * @param beats             sample indices of the R peaks, ascending
 * @param samplingFrequency of the analysed signal, in Hz
 * @param algorithmVersion  identifies the detector that produced them, stored with every analysis result
 */
public record QrsDetection(int[] beats, double samplingFrequency, String algorithmVersion) {
    public QrsDetection {
        beats = beats.clone();
    }

    @Override
    public int[] beats() {
        return beats.clone();
    }

    public int count() {
        return beats.length;
    }
}

package org.vitalis.ecg.signal;

import java.util.List;

/**
 * Detected QRS complexes.
 *
 * @param beats                   sample indices of the R peaks, ascending; none inside a VF episode
 * @param samplingFrequency       of the analysed signal, in Hz
 * @param algorithmVersion        identifies the detector that produced them, stored with every analysis result
 * @param ventricularFibrillation the stretches of ventricular flutter/fibrillation found ({@link VfDetector}), where
 *                                there are no QRS complexes to detect; ascending
 */
public record QrsDetection(int[] beats, double samplingFrequency, String algorithmVersion,
        List<VfDetector.Episode> ventricularFibrillation) {
    public QrsDetection {
        beats = beats.clone();
        ventricularFibrillation = List.copyOf(ventricularFibrillation);
    }

    /** Beats from a detector that does not look for ventricular fibrillation, or where none was found. */
    public QrsDetection(int[] beats, double samplingFrequency, String algorithmVersion) {
        this(beats, samplingFrequency, algorithmVersion, List.of());
    }

    @Override
    public int[] beats() {
        return beats.clone();
    }

    public int count() {
        return beats.length;
    }
}

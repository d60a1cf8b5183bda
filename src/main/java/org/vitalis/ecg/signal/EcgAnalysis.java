package org.vitalis.ecg.signal;

import java.util.List;
import java.util.Optional;

/**
 * Everything the analysis says about one recording.
 *
 * @param labels           lead names, as given
 * @param samplingFrequency Hz
 * @param durationS        length of the recording, s
 * @param detectionLead    index of the lead the beats were detected on, -1 when none was usable
 * @param beats            R fiducials on the detection lead
 * @param heartRate        time-domain HRV and mean rate; empty with fewer than three beats
 * @param rhythm           rhythm flags
 * @param intervals        global intervals on the median beat
 * @param quality          one per lead, in the order of {@code labels}
 * @param algorithmVersion the whole pipeline's version, with its parts'
 */
public record EcgAnalysis(List<String> labels, double samplingFrequency, double durationS, int detectionLead,
        QrsDetection beats, Optional<HeartRateVariability.Result> heartRate, RhythmAnalysis rhythm, Intervals intervals,
        List<LeadQuality> quality, String algorithmVersion) {
    public EcgAnalysis {
        labels = List.copyOf(labels);
        quality = List.copyOf(quality);
    }
}

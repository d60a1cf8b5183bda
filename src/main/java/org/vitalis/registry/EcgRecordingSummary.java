package org.vitalis.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a list of recordings shows of one, without its samples.
 *
 * @param recordedAt       when the recording started (UTC); with the patient and workstation it places the visit
 * @param kind             an {@link org.vitalis.domain.EcgRecording.Kind} name
 * @param source           the device id, or "import:" and the file name
 * @param recordedBy       the user who stored it
 * @param heartRateBpm     mean rate, /min, rounded; null when too few beats were found
 * @param rhythmStatements the analysis in short sentences ({@link EcgStatements}), decision support only
 * @param review           the doctor's confirmation, empty until confirmed
 */
public record EcgRecordingSummary(long id, long patientId, Instant recordedAt, String kind, int leadCount,
        double samplingFrequency, double durationS, String source, String recordedBy, Integer heartRateBpm,
        List<String> rhythmStatements, Optional<EcgReview> review) {
    public EcgRecordingSummary {
        rhythmStatements = List.copyOf(rhythmStatements);
    }
}

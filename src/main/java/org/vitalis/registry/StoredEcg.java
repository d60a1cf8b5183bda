package org.vitalis.registry;

import org.vitalis.ecg.format.EcgRecord;
import org.vitalis.ecg.signal.EcgAnalysis;

/**
 * One recording as stored.
 *
 * @param record   the samples exactly as recorded (same integers, gains, baselines, labels and sampling frequency);
 *                 its beats are the analysis's R peaks labelled N, its start the recording time
 * @param analysis the analysis made when the recording was stored, not recomputed; its algorithm version says which
 * @param version  pass to {@link EcgRecordingService#confirm} so a confirmation made meanwhile is not overwritten
 */
public record StoredEcg(EcgRecordingSummary summary, EcgRecord record, EcgAnalysis analysis, long version) {
}

package org.vitalis.ecg.format;

import java.time.LocalDateTime;
import java.util.List;

/**
 * An EDF/EDF+/BDF file as read by {@link EdfReader}: the header, the recording of the leads that share the main
 * sampling rate, and every signal left out of it with the reason.
 *
 * @param header     the header exactly as the file gives it (exact EDF scaling per signal is in its {@link EdfSignal}s)
 * @param localStart when the first sample was taken, on the recorder's clock (no zone), including the EDF+
 *                   sub-second offset of the first data record
 * @param record     the leads at the main rate, or null when the file has no usable ordinary signal (annotation-only
 *                   EDF+ files); its events are those of {@link #events()}
 * @param events     EDF+ annotations, onsets in seconds from {@code localStart}
 * @param skipped    ordinary signals not in {@code record}, each with its reason
 */
public record EdfFile(EdfHeader header, LocalDateTime localStart, EcgRecord record, List<EcgEvent> events,
        List<SkippedSignal> skipped) {

    /**
     * A signal not taken into the recording.
     *
     * @param index             position among all signals of the header
     * @param samplingFrequency its rate in Hz (infinite or NaN when the record duration is 0)
     */
    public record SkippedSignal(int index, String label, double samplingFrequency, String reason) {
    }

    public EdfFile {
        events = List.copyOf(events);
        skipped = List.copyOf(skipped);
    }

    public boolean hasRecord() {
        return record != null;
    }
}

package org.vitalis.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vitalis.ecg.format.EcgRecord;
import org.vitalis.ecg.signal.EcgAnalysis;

/**
 * What an ECG report shows; patient may be absent for a bare file (CLI). Malformed content is refused here, with a
 * message naming what is wrong, so that a report is never printed half right.
 *
 * @param patient          who the recording belongs to; empty for a bare file
 * @param record           the recording as stored
 * @param analysis         the analysis of {@code record}'s voltage leads
 * @param rhythmStatements the rhythm statements in the wording the caller shows elsewhere, one per entry
 * @param confirmation     the clinician's interpretation and who confirmed it; empty while unconfirmed
 * @param workstation      where the report is printed
 * @param printedAt        when the report is printed
 * @param zone             the zone every time on the report is shown in
 */
public record EcgReportContent(Optional<PatientLine> patient, EcgRecord record, EcgAnalysis analysis,
        List<String> rhythmStatements, Optional<Confirmation> confirmation, String workstation, Instant printedAt,
        ZoneId zone) {

    public EcgReportContent {
        Objects.requireNonNull(patient, "patient (use Optional.empty() for a bare recording)");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(rhythmStatements, "rhythmStatements");
        Objects.requireNonNull(confirmation, "confirmation (use Optional.empty() while unconfirmed)");
        Objects.requireNonNull(printedAt, "printedAt");
        Objects.requireNonNull(zone, "zone");
        if (rhythmStatements.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("A rhythm statement is empty");
        }
        rhythmStatements = List.copyOf(rhythmStatements);
        if (workstation == null || workstation.isBlank()) {
            throw new IllegalArgumentException("The workstation that prints the report must be named");
        }
        if (record.sampleCount() == 0) {
            throw new IllegalArgumentException("Recording " + record.id() + " has no samples to print");
        }
        if (analysis.samplingFrequency() != record.samplingFrequency()) {
            throw new IllegalArgumentException("The analysis (" + analysis.samplingFrequency()
                    + " Hz) is not of this recording (" + record.samplingFrequency() + " Hz)");
        }
        if (Math.abs(analysis.durationS() - record.durationSeconds()) * record.samplingFrequency() > 1) {
            throw new IllegalArgumentException("The analysis covers " + analysis.durationS() + " s but recording "
                    + record.id() + " lasts " + record.durationSeconds() + " s: it is not of this recording");
        }
        TraceLeads leads = TraceLeads.of(record);
        for (String label : analysis.labels()) {
            if (!leads.has(label)) {
                throw new IllegalArgumentException("The analysis names lead " + label + ", which recording "
                        + record.id() + " does not have");
            }
        }
    }

    /** The patient as the header prints them; Arabic name, birth date and sex may be null. */
    public record PatientLine(String name, String nameArabic, String mrn, LocalDate birthDate, String sex) {
        public PatientLine {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A patient on a report needs a name");
            }
            if (mrn == null || mrn.isBlank()) {
                throw new IllegalArgumentException("A patient on a report needs an MRN");
            }
        }
    }

    /** A clinician's interpretation of the recording, and who confirmed it when. */
    public record Confirmation(String interpretation, String confirmedBy, Instant confirmedAt) {
        public Confirmation {
            if (interpretation == null || interpretation.isBlank()) {
                throw new IllegalArgumentException("A confirmed report needs the interpretation text");
            }
            if (confirmedBy == null || confirmedBy.isBlank()) {
                throw new IllegalArgumentException("A confirmation must name who confirmed it");
            }
            Objects.requireNonNull(confirmedAt, "confirmedAt");
        }
    }
}

package org.vitalis.ecg.format;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A recording in memory, independent of the file format it came from or goes to: every reader
 * produces one and every writer takes one, so converting is reading one format and writing another.
 *
 * @param id                 record name or identifier from the source (file stem if it has none)
 * @param start              when the recording started, or null when the source does not say
 * @param samplingFrequency  samples per second per lead (all leads share it)
 * @param leads              the leads, all of the same length
 * @param beats              beat and rhythm annotations by sample number (WFDB codes)
 * @param events             free-text, time-stamped annotations (EDF+ TALs, aECG annotations)
 */
public record EcgRecord(String id, Instant start, double samplingFrequency, List<EcgLead> leads,
        List<Annotation> beats, List<EcgEvent> events) {

    public EcgRecord {
        Objects.requireNonNull(id);
        leads = List.copyOf(leads);
        beats = beats == null ? List.of() : List.copyOf(beats);
        events = events == null ? List.of() : List.copyOf(events);
        if (!(samplingFrequency > 0) || Double.isInfinite(samplingFrequency)) {
            throw new IllegalArgumentException("Sampling frequency must be positive, not " + samplingFrequency);
        }
        if (leads.isEmpty()) {
            throw new IllegalArgumentException("A recording needs at least one lead");
        }
        int n = leads.get(0).samples().length;
        for (EcgLead lead : leads) {
            if (lead.samples().length != n) {
                throw new IllegalArgumentException("Lead " + lead.label() + " has " + lead.samples().length
                        + " samples but lead " + leads.get(0).label() + " has " + n);
            }
        }
    }

    public int sampleCount() {
        return leads.get(0).samples().length;
    }

    public double durationSeconds() {
        return sampleCount() / samplingFrequency;
    }
}

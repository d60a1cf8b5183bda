package org.vitalis.ui.ecg;

import org.vitalis.ecg.format.EcgLead;

/** A stored lead for drawing: samples 0..n of the recording, in millivolts. */
public final class RecordedLead implements LeadSignal {
    private final EcgLead lead;
    private final double fs;

    public RecordedLead(EcgLead lead, double samplingFrequency) {
        this.lead = lead;
        this.fs = samplingFrequency;
    }

    @Override
    public String label() {
        return lead.label();
    }

    @Override
    public double samplingFrequency() {
        return fs;
    }

    @Override
    public long start() {
        return 0;
    }

    @Override
    public long end() {
        return lead.samples().length;
    }

    @Override
    public double millivolts(long index) {
        return lead.microvolts((int) index) / 1000.0;
    }
}

package org.vitalis.ui.ecg;

import org.vitalis.ecg.format.LimbLeads;

/** III, aVR, aVL or aVF computed from live leads I and II as they are drawn. */
final class DerivedLimbLead implements LeadSignal {
    private final String label;
    private final LeadSignal one;
    private final LeadSignal two;

    DerivedLimbLead(String label, LeadSignal one, LeadSignal two) {
        this.label = label;
        this.one = one;
        this.two = two;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public double samplingFrequency() {
        return one.samplingFrequency();
    }

    @Override
    public long start() {
        return Math.max(one.start(), two.start());
    }

    @Override
    public long end() {
        return Math.min(one.end(), two.end());
    }

    @Override
    public double millivolts(long index) {
        return LimbLeads.derive(label, one.millivolts(index), two.millivolts(index));
    }
}

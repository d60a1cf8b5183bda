package org.vitalis.ui.ecg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vitalis.ecg.format.EcgLead;
import org.vitalis.ecg.format.EcgRecord;
import org.vitalis.ecg.format.LimbLeads;

/**
 * Turns samples [from, to) of a live trace into a recording of exactly the counts the device sent, each lead with
 * the device's own gain and baseline. A device that sends I and II but not III, aVR, aVL and aVF gets them derived
 * losslessly ({@link LimbLeads#counts}: III at the device's gain, the augmented leads as twice their value at twice
 * the gain).
 */
final class RecordingBuilder {
    private RecordingBuilder() {
    }

    static EcgRecord build(DeviceTrace trace, long from, long to, String id) {
        List<EcgLead> leads = new ArrayList<>();
        for (ChannelRing ring : trace.channels()) {
            if (ring.start() <= from && ring.end() >= to) {
                ChannelRing.Scale s = ring.scale();
                leads.add(new EcgLead(ring.label(), ring.counts(from, to), s.gain(), s.baseline(), s.unit()));
            }
        }
        if (leads.isEmpty()) {
            throw new IllegalStateException("no lead holds samples " + from + ".." + to);
        }
        Instant start = trace.arrivalOf(from);
        List<EcgLead> complete = new ArrayList<>(LimbLeads.derive(
                new EcgRecord(id, start, trace.samplingFrequency(), leads, List.of(), List.of())).leads());
        complete.sort((a, b) -> LeadOrder.COMPARATOR.compare(a.label(), b.label()));
        return new EcgRecord(id, start, trace.samplingFrequency(), complete, List.of(), List.of());
    }

}

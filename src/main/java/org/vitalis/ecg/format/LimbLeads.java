package org.vitalis.ecg.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Completes the six limb leads from leads I and II. Many carts (and SCP-ECG files) store only I and II because
 * the other four follow from Einthoven's and Goldberger's relations: III = II - I, aVR = -(I + II)/2,
 * aVL = I - II/2, aVF = II - I/2.
 */
public final class LimbLeads {
    private LimbLeads() {
    }

    /**
     * The record with III, aVR, aVL and aVF appended where absent, in that order, after the stored leads. The
     * halves are integer divisions truncated toward zero, as PhysioNet's parsescp computes them, so a derived
     * augmented lead may be off by up to half a sample unit; stored leads are untouched. Returns the record itself
     * when I or II is missing or the two are not on the same scale.
     */
    public static EcgRecord derive(EcgRecord r) {
        EcgLead one = find(r, "I");
        EcgLead two = find(r, "II");
        if (one == null || two == null || one.gain() != two.gain() || one.baseline() != two.baseline()
                || !one.unit().equals(two.unit())) {
            return r;
        }
        int n = r.sampleCount();
        int b = one.baseline();
        int[] i1 = one.samples();
        int[] i2 = two.samples();
        int[] iii = new int[n];
        int[] avr = new int[n];
        int[] avl = new int[n];
        int[] avf = new int[n];
        for (int j = 0; j < n; j++) {
            int x1 = i1[j] - b;
            int x2 = i2[j] - b;
            int x3 = x2 - x1;
            iii[j] = x3 + b;
            avr[j] = -(x1 + x2) / 2 + b;
            avl[j] = x2 / 2 - x3 + b;
            avf[j] = x1 / 2 + x3 + b;
        }
        List<EcgLead> leads = new ArrayList<>(r.leads());
        add(r, leads, "III", iii, one);
        add(r, leads, "aVR", avr, one);
        add(r, leads, "aVL", avl, one);
        add(r, leads, "aVF", avf, one);
        return new EcgRecord(r.id(), r.start(), r.samplingFrequency(), leads, r.beats(), r.events());
    }

    private static void add(EcgRecord r, List<EcgLead> leads, String label, int[] samples, EcgLead scale) {
        if (find(r, label) == null) {
            leads.add(new EcgLead(label, samples, scale.gain(), scale.baseline(), scale.unit()));
        }
    }

    private static EcgLead find(EcgRecord r, String label) {
        for (EcgLead l : r.leads()) {
            if (l.label().equals(label)) {
                return l;
            }
        }
        return null;
    }
}

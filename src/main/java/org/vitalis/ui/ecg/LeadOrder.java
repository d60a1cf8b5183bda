package org.vitalis.ui.ecg;

import java.util.Comparator;
import java.util.List;

/** The conventional order of ECG leads: limb leads, augmented leads, chest leads, then anything else by name. */
public final class LeadOrder {
    /** The 12 standard leads in display order. */
    public static final List<String> TWELVE = List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4",
            "V5", "V6");

    public static final Comparator<String> COMPARATOR = Comparator.comparingInt(LeadOrder::rank)
            .thenComparing(Comparator.naturalOrder());

    private LeadOrder() {
    }

    private static int rank(String label) {
        int i = TWELVE.indexOf(label);
        return i < 0 ? TWELVE.size() : i;
    }
}

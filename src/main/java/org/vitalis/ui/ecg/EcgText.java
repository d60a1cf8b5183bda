package org.vitalis.ui.ecg;

import java.text.NumberFormat;
import org.vitalis.registry.EcgRecordingSummary;
import org.vitalis.ui.common.Messages;

/** How a stored recording is named in lists, in the user's language. */
public final class EcgText {
    private EcgText() {
    }

    /** Three short lines for a narrow list: when; kind, leads and length; rate and review. */
    public static String summary(EcgRecordingSummary s, Messages m) {
        String hr = s.heartRateBpm() == null ? m.get("ecg.hrUnknown") : m.get("ecg.hrShort", m.number(s.heartRateBpm()));
        String state = s.review().isPresent() ? m.get("ecg.confirmedShort") : m.get("ecg.awaitingShort");
        return m.get("ecg.summary", m.dateTime(s.recordedAt()), kind(s.kind(), m), m.number(s.leadCount()),
                decimal(s.durationS(), m), hr, state);
    }

    /** The recording's kind in words when the bundle knows it, else as the service names it. */
    public static String kind(String kind, Messages m) {
        String key = "ecg.kind." + kind;
        return m.has(key) ? m.get(key) : kind;
    }

    public static String decimal(double v, Messages m) {
        NumberFormat f = NumberFormat.getNumberInstance(m.locale());
        f.setMaximumFractionDigits(1);
        return f.format(v);
    }
}

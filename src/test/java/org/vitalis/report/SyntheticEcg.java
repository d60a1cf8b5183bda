package org.vitalis.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vitalis.ecg.format.EcgLead;
import org.vitalis.ecg.format.EcgRecord;

/**
 * A 12-lead recording made of Gaussian P, Q, R, S and T waves at 72 /min (RR 833 ms), 500 Hz, 10 s, stored in
 * microvolt units. V4 is replaced by a test signal: 0 mV until 8.75 s, then exactly 1 mV, so the printed step's
 * height (10 mm) and position (at 8.75 s, i.e. 31.25 mm into its 2.5 s column) can be measured on the page.
 */
final class SyntheticEcg {
    static final double FS = 500;
    static final double STEP_AT_S = 8.75;
    static final List<String> ORDER = List.of("V6", "i", "II", "III", "avr", "aVL", "AVF", "V1", "V2", "V3", "V4", "V5");

    private SyntheticEcg() {
    }

    static EcgRecord twelveLead() {
        int n = (int) (10 * FS);
        List<EcgLead> leads = new ArrayList<>();
        for (String name : ORDER) {
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                double t = i / FS;
                double mv = name.equals("V4") ? (t >= STEP_AT_S ? 1.0 : 0.0) : gain(name) * beat(t);
                s[i] = (int) Math.round(mv * 1000);
            }
            leads.add(new EcgLead(name, s, 1000, 0, "mV"));
        }
        return new EcgRecord("synthetic-12", Instant.parse("2026-11-24T08:15:00Z"), FS, leads, List.of(), List.of());
    }

    /** One lead of {@code seconds} with a given amplitude pattern (for clipping tests). */
    static EcgRecord singleLead(String label, double seconds, double amplitudeMv) {
        int n = (int) (seconds * FS);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = (int) Math.round(amplitudeMv * beat(i / FS) * 1000);
        }
        return new EcgRecord("one-lead", null, FS, List.of(new EcgLead(label, s, 1000, 0, "mV")), List.of(), List.of());
    }

    private static double gain(String lead) {
        return switch (lead.toUpperCase(java.util.Locale.ROOT)) {
            case "I" -> 0.6;
            case "II" -> 1.0;
            case "III" -> 0.4;
            case "AVR" -> -0.8;
            case "AVL" -> 0.3;
            case "AVF" -> 0.7;
            case "V1" -> -0.6;
            case "V2" -> 0.5;
            case "V3" -> 0.9;
            case "V5" -> 1.1;
            default -> 0.9;
        };
    }

    /** The waveform at time t: the beat nearest t, R peaks at 0.4 s + k * 0.8333 s. */
    static double beat(double t) {
        double rr = 60.0 / 72;
        double k = Math.round((t - 0.4) / rr);
        double x = t - 0.4 - k * rr;
        return g(x, -0.18, 0.022, 0.15) + g(x, -0.03, 0.008, -0.10) + g(x, 0, 0.010, 1.0) + g(x, 0.03, 0.010, -0.25)
                + g(x, 0.26, 0.045, 0.30);
    }

    private static double g(double x, double centre, double sigma, double amplitude) {
        double z = (x - centre) / sigma;
        return amplitude * Math.exp(-0.5 * z * z);
    }
}

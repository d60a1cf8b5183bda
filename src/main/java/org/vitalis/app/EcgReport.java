package org.vitalis.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.vitalis.ecg.format.EcgRecord;
import org.vitalis.ecg.signal.EcgAnalysis;
import org.vitalis.ecg.signal.Intervals;
import org.vitalis.ecg.signal.LeadQuality;
import org.vitalis.ecg.signal.RhythmAnalysis;
import org.vitalis.registry.EcgStatements;

/** The plain-text summary `ecg analyze` prints: what was found, with the numbers behind it. */
final class EcgReport {
    private static final int MAX_FLAGS_LISTED = 12;

    private EcgReport() {
    }

    static void print(PrintWriter out, EcgRecord r, EcgAnalysis a) {
        out.println(f("Record %s: %d leads (%s), %s Hz, %.1f s", r.id(), a.labels().size(), String.join(", ", a.labels()),
                EcgCommand.trim(r.samplingFrequency()), a.durationS()));
        if (a.detectionLead() < 0) {
            out.println("Beats: none detected (no lead had usable signal).");
        } else {
            double vf = a.beats().ventricularFibrillation().stream()
                    .mapToDouble(e -> e.durationS(a.samplingFrequency())).sum();
            out.println(f("Beats: %d detected on %s%s", a.beats().count(), a.labels().get(a.detectionLead()),
                    vf > 0 ? f(" (none in the %.0f s of ventricular flutter/fibrillation pattern)", vf) : ""));
        }
        a.heartRate().ifPresent(h -> out.println(f(
                "Heart rate: %.0f /min (mean RR %.0f ms); HRV: SDNN %.0f ms, RMSSD %.0f ms, pNN50 %.1f %%",
                h.heartRate(), h.meanRr() * 1000, h.sdnn() * 1000, h.rmssd() * 1000, h.pnn50() * 100)));
        printRhythm(out, a);
        printIntervals(out, a.intervals());
        for (LeadQuality q : a.quality()) {
            if (q.problems().isEmpty()) {
                out.println(f("Signal quality %s: good", q.label()));
            } else {
                out.println(f("Signal quality %s: %.0f %% usable; %s", q.label(), q.usableFraction() * 100,
                        String.join("; ", q.problems().stream().limit(MAX_FLAGS_LISTED)
                                .map(p -> f("%s %.1f-%.1f s", words(p.kind().name()), p.startS(), p.endS())).toList())));
            }
        }
        out.println("Decision support, not a diagnosis: a clinician reviews every statement.");
        out.println("Algorithm: " + a.algorithmVersion());
    }

    private static void printRhythm(PrintWriter out, EcgAnalysis a) {
        RhythmAnalysis rhythm = a.rhythm();
        out.println("Rhythm: " + String.join("; ", EcgStatements.summary(a)));
        if (rhythm.flags().isEmpty()) {
            out.println("Rhythm flags: none (regular, rate 60-100 /min, no pauses or premature beats)");
            return;
        }
        out.println("Rhythm flags:");
        for (RhythmAnalysis.Kind kind : RhythmAnalysis.Kind.values()) {
            var flags = rhythm.flags(kind);
            if (flags.isEmpty()) {
                continue;
            }
            RhythmAnalysis.Flag first = flags.get(0);
            out.println(f("  %s: %d x, first at %.1f s (%s)", EcgStatements.label(kind), flags.size(), first.startS(),
                    first.evidence()));
        }
    }

    private static void printIntervals(PrintWriter out, Intervals iv) {
        if (iv.measurements().isEmpty()) {
            out.println("Intervals: not measured" + (iv.note().isEmpty() ? "" : " (" + iv.note() + ")"));
            return;
        }
        StringBuilder sb = new StringBuilder(f("Intervals (median of %d beats):", iv.beatsAveraged()));
        for (Intervals.Measurement m : iv.measurements()) {
            sb.append(f(" %s%s %.0f ms [LOINC %s];", m.name(), m.method().equals("median beat") ? "" : " " + m.method(),
                    m.value(), m.loinc()));
        }
        out.println(sb.substring(0, sb.length() - 1));
        if (!iv.note().isEmpty()) {
            out.println("  note: " + iv.note());
        }
    }

    private static String words(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

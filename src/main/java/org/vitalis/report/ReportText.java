package org.vitalis.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vitalis.ecg.signal.EcgAnalysis;
import org.vitalis.ecg.signal.Intervals;
import org.vitalis.ecg.signal.LeadQuality;

/** The words of the report, in logical order and without layout: what each header block says. */
final class ReportText {
    static final String UNCONFIRMED = "Unconfirmed — computer analysis, decision support, not a diagnosis";
    static final String NOT_MEASURABLE = "not measurable";
    static final String SCALE = "25 mm/s · 10 mm/mV · calibration pulse 1 mV × 200 ms · unfiltered samples as stored";
    private static final int PROBLEMS_PER_LEAD = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    enum Style { TITLE, BODY, STRONG, WARNING }

    /** A paragraph: wrapped as a whole, in one style. */
    record Para(String text, Style style) {
        static Para body(String text) {
            return new Para(text, Style.BODY);
        }
    }

    private ReportText() {
    }

    /** Name, Arabic name, MRN, birth date with age, sex; or the recording's id when no patient is given. */
    static List<String> patientLine(EcgReportContent c) {
        if (c.patient().isEmpty()) {
            return List.of("Recording " + c.record().id(), "no patient: printed from a file");
        }
        EcgReportContent.PatientLine p = c.patient().get();
        List<String> parts = new ArrayList<>();
        parts.add(p.name().strip());
        if (p.nameArabic() != null && !p.nameArabic().isBlank()) {
            parts.add(p.nameArabic().strip());
        }
        StringBuilder details = new StringBuilder("MRN " + p.mrn().strip());
        if (p.birthDate() != null) {
            details.append(" · born ").append(p.birthDate()).append(" (")
                    .append(age(p.birthDate(), c.printedAt().atZone(c.zone()).toLocalDate())).append(')');
        }
        if (p.sex() != null && !p.sex().isBlank()) {
            details.append(" · ").append(p.sex().strip());
        }
        parts.add(details.toString());
        return parts;
    }

    static String age(LocalDate born, LocalDate on) {
        Period p = Period.between(born, on);
        if (p.isNegative()) {
            return "born after the print date";
        }
        return p.getYears() >= 2 ? p.getYears() + " y" : p.toTotalMonths() + " mo";
    }

    static List<Para> recording(EcgReportContent c, TraceLeads leads, TracePages.Plan plan) {
        List<Para> out = new ArrayList<>();
        out.add(new Para("Recording", Style.TITLE));
        out.add(Para.body("Source: record " + c.record().id()));
        out.add(Para.body("Recorded: " + (c.record().start() == null ? "time not given by the source"
                : time(c.record().start(), c.zone()))));
        out.add(Para.body(f("Sampling: %s Hz · %d leads · %s s", TracePages.seconds(c.record().samplingFrequency()),
                leads.all().size() - leads.derived().size(), TracePages.seconds(round1(c.record().durationSeconds())))));
        if (plan.shownSeconds() < c.record().durationSeconds()) {
            out.add(Para.body("Shown: the first " + TracePages.seconds(round1(plan.shownSeconds())) + " s"));
        }
        if (!leads.derived().isEmpty()) {
            out.add(Para.body(String.join(", ", leads.derived()) + " derived from I and II"));
        }
        out.add(Para.body("Printed: " + time(c.printedAt(), c.zone()) + " at " + c.workstation().strip()));
        return out;
    }

    static List<Para> measurements(EcgAnalysis a) {
        Intervals iv = a.intervals();
        List<Para> out = new ArrayList<>();
        out.add(new Para("Measurements", Style.TITLE));
        double hr = a.heartRate().map(h -> h.heartRate()).orElse(a.rhythm().meanHeartRate());
        out.add(Para.body("Heart rate: " + (Double.isFinite(hr) ? f("%.0f /min", hr) : NOT_MEASURABLE)));
        out.add(Para.body("PR: " + ms(iv.prMs())));
        out.add(Para.body("QRS: " + ms(iv.qrsMs())));
        out.add(Para.body("QT: " + ms(iv.qtMs())));
        out.add(Para.body("QTc Bazett: " + ms(iv.qtcBazettMs())));
        out.add(Para.body("QTc Fridericia: " + ms(iv.qtcFridericiaMs())));
        if (iv.beatsAveraged() > 0) {
            out.add(Para.body("median beat of " + iv.beatsAveraged() + " beats"));
        }
        if (!iv.note().isBlank()) {
            out.add(Para.body("Note: " + iv.note().strip()));
        }
        return out;
    }

    static List<Para> rhythmAndQuality(EcgReportContent c) {
        List<Para> out = new ArrayList<>();
        out.add(new Para("Rhythm (computer statements)", Style.TITLE));
        if (c.rhythmStatements().isEmpty()) {
            out.add(Para.body("none"));
        }
        for (String s : c.rhythmStatements()) {
            out.add(Para.body("• " + s.strip()));
        }
        out.add(new Para("Signal quality", Style.TITLE));
        List<LeadQuality> withProblems = c.analysis().quality().stream().filter(q -> !q.problems().isEmpty()).toList();
        if (withProblems.isEmpty()) {
            out.add(Para.body("good in every lead"));
        }
        for (LeadQuality q : withProblems) {
            List<String> problems = q.problems().stream().limit(PROBLEMS_PER_LEAD)
                    .map(p -> f("%s %.1f–%.1f s", words(p.kind().name()), p.startS(), p.endS())).toList();
            int more = q.problems().size() - problems.size();
            out.add(Para.body(f("%s: %.0f %% usable; %s%s", q.label(), q.usableFraction() * 100,
                    String.join("; ", problems), more > 0 ? "; and " + more + " more" : "")));
        }
        return out;
    }

    /** The interpretation text, or the warning that nobody has confirmed the computer's statements. */
    static List<Para> interpretation(EcgReportContent c) {
        List<Para> out = new ArrayList<>();
        out.add(new Para("Interpretation", Style.TITLE));
        if (c.confirmation().isEmpty()) {
            out.add(new Para(UNCONFIRMED, Style.WARNING));
            return out;
        }
        for (String line : c.confirmation().get().interpretation().strip().split("\\R")) {
            if (!line.isBlank()) {
                out.add(Para.body(line.strip()));
            }
        }
        return out;
    }

    /** "Confirmed by X at T", empty while unconfirmed. */
    static List<Para> confirmedBy(EcgReportContent c) {
        return c.confirmation().map(k -> List.of(new Para("Confirmed by " + k.confirmedBy().strip() + " at "
                + time(k.confirmedAt(), c.zone()), Style.STRONG))).orElse(List.of());
    }

    static String algorithm(EcgAnalysis a) {
        return "Analysis algorithm: " + a.algorithmVersion();
    }

    static String time(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static String ms(double v) {
        return Double.isFinite(v) ? f("%.0f ms", v) : NOT_MEASURABLE;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String words(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

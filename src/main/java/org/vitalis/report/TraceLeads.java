package org.vitalis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vitalis.ecg.format.EcgLead;
import org.vitalis.ecg.format.EcgRecord;
import org.vitalis.ecg.format.LimbLeads;

/**
 * The leads a report can draw: those in volts, in millivolts, with III, aVR, aVL and aVF derived from I and II when
 * that completes the standard twelve (as carts that store eight leads do). Leads in other units (a pressure, a
 * respiration channel) are not ECG traces and are left out.
 */
final class TraceLeads {
    /** The standard 12 leads in print order. */
    static final List<String> STANDARD = List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");

    /** One drawable lead. */
    record Trace(String label, EcgLead lead) {
        /** The first {@code n} samples in millivolts: only what is printed is converted, however long the recording. */
        double[] millivolts(int n) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = lead.microvolts(i) / 1000.0;
            }
            return out;
        }
    }

    private final List<Trace> traces;
    private final List<String> derived;

    private TraceLeads(List<Trace> traces, List<String> derived) {
        this.traces = List.copyOf(traces);
        this.derived = List.copyOf(derived);
    }

    /** @throws IllegalArgumentException when the recording has no lead in volts */
    static TraceLeads of(EcgRecord record) {
        List<EcgLead> volts = record.leads().stream().filter(EcgLead::isVoltage).toList();
        if (volts.isEmpty()) {
            throw new IllegalArgumentException("Recording " + record.id() + " has no lead in volts (mV, uV or V) to print");
        }
        List<Trace> traces = new ArrayList<>();
        for (EcgLead l : volts) {
            traces.add(new Trace(l.label(), l));
        }
        if (standardOf(traces).isPresent()) {
            return new TraceLeads(traces, List.of());
        }
        EcgRecord voltOnly = new EcgRecord(record.id(), record.start(), record.samplingFrequency(), volts, null, null);
        EcgRecord completed = LimbLeads.derive(voltOnly);
        List<Trace> withDerived = new ArrayList<>(traces);
        List<String> derived = new ArrayList<>();
        for (EcgLead l : completed.leads().subList(volts.size(), completed.leads().size())) {
            withDerived.add(new Trace(l.label(), l));
            derived.add(l.label());
        }
        if (!derived.isEmpty() && standardOf(withDerived).isPresent()) {
            return new TraceLeads(withDerived, derived);
        }
        return new TraceLeads(traces, List.of());
    }

    List<Trace> all() {
        return traces;
    }

    /** Leads computed here rather than stored, to say so on the report. */
    List<String> derived() {
        return derived;
    }

    boolean has(String label) {
        return traces.stream().anyMatch(t -> t.label().equals(label));
    }

    /** The standard twelve by their standard names, when every one is present (in any order or case). */
    Optional<Map<String, Trace>> standardTwelve() {
        return standardOf(traces);
    }

    /** The leads that are not among the standard twelve (e.g. Frank X, Y, Z next to them). */
    List<Trace> others() {
        return standardOf(traces).map(m -> traces.stream().filter(t -> !m.containsValue(t)).toList()).orElse(traces);
    }

    private static Optional<Map<String, Trace>> standardOf(List<Trace> traces) {
        Map<String, Trace> found = new LinkedHashMap<>();
        for (String name : STANDARD) {
            for (Trace t : traces) {
                if (t.label().strip().toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT))) {
                    found.put(name, t);
                    break;
                }
            }
        }
        return found.size() == STANDARD.size() ? Optional.of(found) : Optional.empty();
    }
}

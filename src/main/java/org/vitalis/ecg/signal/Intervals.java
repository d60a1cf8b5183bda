package org.vitalis.ecg.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Global ECG intervals measured on the median beat. Every duration is in milliseconds; NaN means not measured (no
 * beats, no P wave, or a boundary outside the median beat), and {@link #note()} says why.
 *
 * @param beatsAveraged     beats that went into the median beat (0: nothing was measured)
 * @param rrMs              median RR interval of the averaged beats
 * @param pWavePresent      whether a P wave was found before the QRS on the median beat
 * @param pOnsetMs          P onset relative to the R fiducial (negative)
 * @param qrsOnsetMs        QRS onset relative to the R fiducial
 * @param qrsOffsetMs       QRS offset (J point) relative to the R fiducial
 * @param tEndMs            T end relative to the R fiducial
 * @param prMs              P onset to QRS onset
 * @param qrsMs             QRS onset to QRS offset
 * @param qtMs              QRS onset to T end
 * @param qtcBazettMs       QT / sqrt(RR in s) (Bazett, Heart 7:353, 1920)
 * @param qtcFridericiaMs   QT / cbrt(RR in s) (Fridericia, Acta Med Scand 53:469, 1920)
 * @param note              what could not be measured and why; empty when everything was
 * @param algorithmVersion  identifies the method, stored with the result
 */
public record Intervals(int beatsAveraged, double rrMs, boolean pWavePresent, double pOnsetMs, double qrsOnsetMs,
        double qrsOffsetMs, double tEndMs, double prMs, double qrsMs, double qtMs, double qtcBazettMs,
        double qtcFridericiaMs, String note, String algorithmVersion) {

    /** One coded value, as an Observation component would carry it. */
    public record Measurement(String loinc, String name, String method, double value, String unit) {
    }

    static Intervals none(String note, String version) {
        double n = Double.NaN;
        return new Intervals(0, n, false, n, n, n, n, n, n, n, n, n, note, version);
    }

    /** The measured values with their LOINC codes (unmeasured ones left out). */
    public List<Measurement> measurements() {
        List<Measurement> out = new ArrayList<>();
        add(out, EcgLoinc.PR, "PR interval", "median beat", prMs);
        add(out, EcgLoinc.QRS, "QRS duration", "median beat", qrsMs);
        add(out, EcgLoinc.QT, "QT interval", "median beat", qtMs);
        add(out, EcgLoinc.QTC, "QTc interval", "Bazett", qtcBazettMs);
        add(out, EcgLoinc.QTC, "QTc interval", "Fridericia", qtcFridericiaMs);
        return out;
    }

    private static void add(List<Measurement> out, String loinc, String name, String method, double v) {
        if (Double.isFinite(v)) {
            out.add(new Measurement(loinc, name, method, v, EcgLoinc.MILLISECONDS));
        }
    }
}

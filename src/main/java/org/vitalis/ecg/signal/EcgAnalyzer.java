package org.vitalis.ecg.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point for a CLI or a screen: quality per lead, baseline filtering, QRS detection (with ventricular
 * flutter/fibrillation, which has no beats) on the best lead, QRS shape classes, RR/HR/HRV, rhythm flags and intervals. Never throws on a strange recording: its findings say what was wrong.
 */
public final class EcgAnalyzer {
    public static final String VERSION = "vitalis-ecg-analysis/1.2 [" + QrsDetector.VERSION + "; " + HeartRateVariability.VERSION
            + "; " + RhythmAnalyzer.VERSION + "; " + Delineator.VERSION + "; " + SignalQuality.VERSION + "]";

    /** Sampling rates the analysis is designed and tested for, Hz (issue 5). */
    public static final double MIN_FS = 125;
    public static final double MAX_FS = 1000;

    private EcgAnalyzer() {
    }

    /**
     * @param leadsMillivolts one array per lead, in millivolts (lengths may differ; the shortest sets the duration)
     * @param labels          lead names (missing ones are numbered)
     * @param fs              sampling frequency, Hz, 125-1000
     * @throws IllegalArgumentException only for a sampling rate outside 125-1000 Hz, which is a caller's error
     */
    public static EcgAnalysis analyze(double[][] leadsMillivolts, String[] labels, double fs) {
        return analyze(leadsMillivolts, labels, fs, null, null);
    }

    /**
     * @param railLowMv  per lead, the ADC's lowest value in mV (null or NaN entries: unknown)
     * @param railHighMv per lead, the ADC's highest value in mV
     */
    public static EcgAnalysis analyze(double[][] leadsMillivolts, String[] labels, double fs, double[] railLowMv,
            double[] railHighMv) {
        if (!(fs >= MIN_FS && fs <= MAX_FS)) {
            throw new IllegalArgumentException("sampling frequency must be " + MIN_FS + "-" + MAX_FS + " Hz, not " + fs);
        }
        double[][] in = leadsMillivolts == null ? new double[0][] : leadsMillivolts;
        int leads = in.length;
        int n = Integer.MAX_VALUE;
        for (double[] x : in) {
            n = Math.min(n, x == null ? 0 : x.length);
        }
        n = leads == 0 ? 0 : n;
        double duration = n / fs;
        List<String> names = new ArrayList<>();
        List<LeadQuality> quality = new ArrayList<>();
        double[][] filtered = new double[leads][];
        for (int l = 0; l < leads; l++) {
            String name = labels != null && l < labels.length && labels[l] != null ? labels[l] : "lead " + (l + 1);
            names.add(name);
            double[] x = in[l] == null ? new double[0] : Arrays.copyOf(in[l], n);
            double lo = railLowMv != null && l < railLowMv.length ? railLowMv[l] : Double.NaN;
            double hi = railHighMv != null && l < railHighMv.length ? railHighMv[l] : Double.NaN;
            quality.add(SignalQuality.assess(name, x, fs, lo, hi));
            double last = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(x[i])) {
                    last = x[i];
                } else {
                    x[i] = last;
                }
            }
            filtered[l] = n > 0 ? EcgFilters.removeBaselineWander(x, fs) : x;
        }

        int best = bestLead(quality);
        QrsDetection detection = best >= 0 && n > 0 ? new QrsDetector(fs).detect(filtered[best])
                : new QrsDetection(new int[0], fs, QrsDetector.VERSION);
        int[] beats = detection.beats();
        List<VfDetector.Episode> vf = detection.ventricularFibrillation();
        // no RR interval across ventricular flutter/fibrillation
        double[][] rr = HeartRateVariability.rrIntervals(beats, fs, vf);
        Optional<HeartRateVariability.Result> hrv = HeartRateVariability.count(rr) >= 2
                ? Optional.of(HeartRateVariability.of(rr))
                : Optional.empty();
        boolean[] use = new boolean[leads];
        for (int l = 0; l < leads; l++) {
            use[l] = quality.get(l).usable();
        }
        // P waves on the median beat of an irregular window's beats mean organised atrial activity, not fibrillation
        RhythmAnalyzer.AtrialActivity atrial = (from, to) -> Delineator.measure(filtered, use,
                Arrays.copyOfRange(beats, from, to + 1), fs).pWavePresent();
        // ventricular ectopic beats, told by their QRS shape, are left out of the atrial fibrillation statistics
        int[] shapes = QrsShapes.classify(filtered, use, beats, fs);
        RhythmAnalysis rhythm = RhythmAnalyzer.analyze(beats, fs, duration, atrial, shapes, vf);
        Intervals intervals = Delineator.measure(filtered, use, beats, fs);
        return new EcgAnalysis(names, fs, duration, best, detection, hrv, rhythm, intervals, quality, VERSION);
    }

    /**
     * The lead with the most clean time, and among those (within 5 %) the lowest high-frequency noise ratio, since
     * noise, not amplitude, is what makes a detector miss or invent beats (the detector's thresholds adapt to amplitude).
     */
    static int bestLead(List<LeadQuality> quality) {
        int best = -1;
        for (int l = 0; l < quality.size(); l++) {
            LeadQuality q = quality.get(l);
            if (q.usableFraction() <= 0) {
                continue;
            }
            if (best < 0) {
                best = l;
                continue;
            }
            LeadQuality b = quality.get(best);
            double dq = q.usableFraction() - b.usableFraction();
            if (dq > 0.05 || (Math.abs(dq) <= 0.05 && noise(q) < noise(b))) {
                best = l;
            }
        }
        return best;
    }

    private static double noise(LeadQuality q) {
        return Double.isNaN(q.noiseRatio()) ? Double.MAX_VALUE : q.noiseRatio();
    }
}

package org.vitalis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vitalis.ecg.format.Annotation;
import org.vitalis.ecg.format.MitAnnotations;
import org.vitalis.ecg.format.WfdbRecord;
import org.vitalis.ecg.signal.Ec57;
import org.vitalis.ecg.signal.EcgFilters;
import org.vitalis.ecg.signal.QrsDetection;
import org.vitalis.ecg.signal.QrsDetector;
import org.vitalis.ecg.signal.VfDetector;

/**
 * Scores the QRS detector on MIT-BIH DS1 (channel 0) and measures its speed in multiples of real time. The per-record
 * table and the first gross line follow ../shared/data/README.md, the rule the project's targets and its gqrs/wqrs
 * comparison use: every reference beat is scored, and a detection that matches none is a false positive, including
 * one inside ventricular flutter/fibrillation (VF), where the reference has no beats. The second gross line is
 * supplementary: it leaves the reference's VF episodes out, as EC57 and WFDB's bxb do ({@link Ec57}). A last table
 * compares the VF episodes the detector found with the reference's ({@code [} to {@code ]}), in seconds.
 * Usage: {@code EcgDetectorBenchmark [directory with the .hea/.dat/.atr files] [--rate HZ]}, default directory
 * ../shared/data/mitdb-ds1; {@code --rate} resamples the records (and their annotations) first, to check that the
 * detector behaves the same at other sampling rates.
 */
public final class EcgDetectorBenchmark {
    private static final String[] DS1 = {"101", "106", "108", "109", "112", "114", "115", "116", "118", "119", "122",
        "124", "201", "203", "205", "207", "208", "209", "215", "220", "223", "230"};

    private EcgDetectorBenchmark() {
    }

    private record Rec(String name, double fs, double[] signal, long[] reference, long[] vf) {
        List<Ec57.Episode> episodes() {
            List<Ec57.Episode> out = new ArrayList<>();
            for (int k = 0; k + 1 < vf.length; k += 2) {
                out.add(new Ec57.Episode(vf[k], vf[k + 1]));
            }
            return out;
        }
    }

    private static long[] scale(long[] t, double k) {
        return java.util.Arrays.stream(t).map(v -> v == Long.MAX_VALUE ? v : Math.round(v * k)).toArray();
    }

    /** Linear interpolation, after a zero-phase anti-alias low-pass at 0.4 of the new rate when downsampling. */
    private static double[] resample(double[] x, double from, double to) {
        double[] src = x;
        if (to < from) {
            src = new double[x.length];
            org.vitalis.ecg.signal.Biquad.lowPass(0.4 * to, from).filtfilt(x, src);
            org.vitalis.ecg.signal.Biquad.lowPass(0.4 * to, from).filtfilt(src, src);
        }
        int n = (int) Math.floor((x.length - 1) * to / from) + 1;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double p = i * from / to;
            int j = (int) p;
            double f = p - j;
            y[i] = j + 1 < src.length ? src[j] * (1 - f) + src[j + 1] * f : src[j];
        }
        return y;
    }

    /** Seconds of reference VF, of detected VF inside it (all of it, and after the learning period) and outside it. */
    record VfOverlap(double referenceS, double referenceScoredS, double insideS, double insideScoredS, double outsideS) {
        static VfOverlap of(List<Ec57.Episode> reference, List<VfDetector.Episode> detected, int n, double fs) {
            boolean[] ref = new boolean[n];
            for (Ec57.Episode e : reference) {
                for (long i = e.start(); i <= Math.min(n - 1, e.end()); i++) {
                    ref[(int) i] = true;
                }
            }
            long learning = Math.round(Ec57.LEARNING_S * fs);
            int refCount = 0;
            int refScored = 0;
            int inside = 0;
            int insideScored = 0;
            int outside = 0;
            for (int i = 0; i < n; i++) {
                refCount += ref[i] ? 1 : 0;
                refScored += ref[i] && i >= learning ? 1 : 0;
            }
            for (VfDetector.Episode e : detected) {
                for (int i = e.start(); i <= e.end(); i++) {
                    if (ref[i]) {
                        inside++;
                        insideScored += i >= learning ? 1 : 0;
                    } else {
                        outside++;
                    }
                }
            }
            return new VfOverlap(refCount / fs, refScored / fs, inside / fs, insideScored / fs, outside / fs);
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("../shared/data/mitdb-ds1");
        double rate = 0;
        for (int k = 0; k < args.length; k++) {
            if (args[k].equals("--rate") && k + 1 < args.length) {
                rate = Double.parseDouble(args[++k]);
            } else {
                dir = Path.of(args[k]);
            }
        }
        if (!Files.isDirectory(dir)) {
            System.err.println("no MIT-BIH DS1 at " + dir.toAbsolutePath() + "; pass the folder as the first argument");
            System.exit(2);
        }
        List<Rec> recs = new ArrayList<>();
        for (String name : DS1) {
            WfdbRecord r = WfdbRecord.read(dir, name);
            long[] ref = MitAnnotations.read(dir.resolve(name + ".atr")).stream().filter(Annotation::isBeat)
                    .mapToLong(Annotation::sample).toArray();
            // ventricular flutter/fibrillation episodes run from '[' to ']'
            List<Long> vf = new ArrayList<>();
            for (Annotation a : MitAnnotations.read(dir.resolve(name + ".atr"))) {
                if (a.mnemonic().equals("[") && vf.size() % 2 == 0 || a.mnemonic().equals("]") && vf.size() % 2 == 1) {
                    vf.add(a.sample());
                }
            }
            if (vf.size() % 2 == 1) {
                vf.add(Long.MAX_VALUE);
            }
            long[] episodes = vf.stream().mapToLong(Long::longValue).toArray();
            if (rate > 0) {
                double k = rate / r.samplingFrequency();
                recs.add(new Rec(name, rate, resample(r.physical(0), r.samplingFrequency(), rate), scale(ref, k), scale(episodes, k)));
            } else {
                recs.add(new Rec(name, r.samplingFrequency(), r.physical(0), ref, episodes));
            }
        }
        double signalSeconds = recs.stream().mapToDouble(r -> r.signal.length / r.fs).sum();

        System.out.println("QRS detector " + QrsDetector.VERSION);
        System.out.println("Scored as ../shared/data/README.md states: 150 ms window, first 5 min not scored, every reference"
                + " beat scored, every unmatched detection a false positive (VF/VFL included); channel 0 (MLII), records in "
                + dir + (rate > 0 ? ", resampled to " + rate + " Hz" : ""));
        System.out.printf(Locale.ROOT, "%-6s %7s %5s %5s %8s %8s%n", "record", "TP", "FN", "FP", "Se %", "+P %");
        Ec57.Result gross = new Ec57.Result(0, 0, 0);
        Ec57.Result grossWithoutVf = new Ec57.Result(0, 0, 0);
        List<String> vfRows = new ArrayList<>();
        for (Rec r : recs) {
            QrsDetection detection = new QrsDetector(r.fs).detect(r.signal);
            int[] det = detection.beats();
            Ec57.Result s = Ec57.score(r.reference, det, r.fs);
            gross = gross.plus(s);
            grossWithoutVf = grossWithoutVf.plus(Ec57.score(r.reference, det, r.fs, r.episodes()));
            System.out.printf(Locale.ROOT, "%-6s %7d %5d %5d %8.2f %8.2f%n", r.name, s.truePositives(),
                    s.falseNegatives(), s.falsePositives(), 100 * s.sensitivity(), 100 * s.positivePredictivity());
            VfOverlap o = VfOverlap.of(r.episodes(), detection.ventricularFibrillation(), r.signal.length, r.fs);
            if (o.referenceS() > 0 || o.insideS() + o.outsideS() > 0) {
                vfRows.add(String.format(Locale.ROOT, "%-6s %9.1f %9.1f %9.1f %9.1f %9.1f", r.name, o.referenceS(),
                        o.insideS(), o.referenceScoredS(), o.insideScoredS(), o.outsideS()));
            }
        }
        System.out.printf(Locale.ROOT, "%-6s %7d %5d %5d %8.2f %8.2f   (README rule: every beat scored)%n", "gross",
                gross.truePositives(), gross.falseNegatives(), gross.falsePositives(), 100 * gross.sensitivity(),
                100 * gross.positivePredictivity());
        System.out.printf(Locale.ROOT, "%-6s %7d %5d %5d %8.2f %8.2f   (supplementary: EC57/bxb, reference VF/VFL episodes"
                + " left out)%n", "gross", grossWithoutVf.truePositives(), grossWithoutVf.falseNegatives(),
                grossWithoutVf.falsePositives(), 100 * grossWithoutVf.sensitivity(),
                100 * grossWithoutVf.positivePredictivity());
        System.out.println();
        System.out.println("VF/VFL episodes (reference: [ to ]; detected: " + VfDetector.VERSION + "), seconds; records"
                + " without either are left out, and have none");
        System.out.printf(Locale.ROOT, "%-6s %19s %19s %9s%n", "", "whole record", "after first 5 min", "detected");
        System.out.printf(Locale.ROOT, "%-6s %9s %9s %9s %9s %9s%n", "record", "reference", "detected", "reference",
                "detected", "outside");
        vfRows.forEach(System.out::println);

        // speed: warm up, then the best of several passes over all records on this one thread
        double detOnly = Double.MAX_VALUE;
        double withFilters = Double.MAX_VALUE;
        long sink = 0;
        for (int pass = 0; pass < 7; pass++) {
            long t0 = System.nanoTime();
            for (Rec r : recs) {
                sink += new QrsDetector(r.fs).detect(r.signal).count();
            }
            long t1 = System.nanoTime();
            for (Rec r : recs) {
                double[] x = EcgFilters.removePowerline(EcgFilters.removeBaselineWander(r.signal, r.fs), r.fs, 60);
                sink += new QrsDetector(r.fs).detect(x).count();
            }
            long t2 = System.nanoTime();
            if (pass >= 2) {
                detOnly = Math.min(detOnly, (t1 - t0) / 1e9);
                withFilters = Math.min(withFilters, (t2 - t1) / 1e9);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %10s %14s%n", "speed (one thread, best of 5 after warm-up)", "seconds", "x real time");
        System.out.printf(Locale.ROOT, "%-44s %10.3f %14.0f%n", "detection only", detOnly, signalSeconds / detOnly);
        System.out.printf(Locale.ROOT, "%-44s %10.3f %14.0f%n", "baseline + 60 Hz notch + detection", withFilters,
                signalSeconds / withFilters);
        System.out.printf(Locale.ROOT, "signal: %d records, %.0f s (%.2f h); checksum %d%n", recs.size(), signalSeconds,
                signalSeconds / 3600, sink);
    }
}

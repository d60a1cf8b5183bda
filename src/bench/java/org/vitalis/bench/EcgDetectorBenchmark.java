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
import org.vitalis.ecg.signal.QrsDetector;

/**
 * Scores the QRS detector on MIT-BIH DS1 (channel 0) as ANSI/AAMI EC57 and WFDB's bxb do, and measures its speed in
 * multiples of real time. The per-record table and the first gross line leave the reference's ventricular
 * flutter/fibrillation episodes out, as EC57 does ({@link Ec57}); the second gross line scores every beat, the rule
 * ../shared/data/README.md states (under which detections of flutter waves in record 207 are false positives).
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
        System.out.println("EC57: 150 ms window, first 5 min not scored, VF/VFL episodes ([ to ]) left out as bxb does;"
                + " channel 0 (MLII), records in " + dir + (rate > 0 ? ", resampled to " + rate + " Hz" : ""));
        System.out.printf(Locale.ROOT, "%-6s %7s %5s %5s %8s %8s%n", "record", "TP", "FN", "FP", "Se %", "+P %");
        Ec57.Result gross = new Ec57.Result(0, 0, 0);
        Ec57.Result grossEveryBeat = new Ec57.Result(0, 0, 0);
        for (Rec r : recs) {
            int[] det = new QrsDetector(r.fs).detect(r.signal).beats();
            Ec57.Result s = Ec57.score(r.reference, det, r.fs, r.episodes());
            gross = gross.plus(s);
            grossEveryBeat = grossEveryBeat.plus(Ec57.score(r.reference, det, r.fs));
            System.out.printf(Locale.ROOT, "%-6s %7d %5d %5d %8.2f %8.2f%n", r.name, s.truePositives(),
                    s.falseNegatives(), s.falsePositives(), 100 * s.sensitivity(), 100 * s.positivePredictivity());
        }
        System.out.printf(Locale.ROOT, "%-6s %7d %5d %5d %8.2f %8.2f   (EC57: VF/VFL episodes left out)%n", "gross",
                gross.truePositives(), gross.falseNegatives(), gross.falsePositives(), 100 * gross.sensitivity(),
                100 * gross.positivePredictivity());
        System.out.printf(Locale.ROOT, "%-6s %7d %5d %5d %8.2f %8.2f   (every beat scored, as the data README states)%n",
                "gross", grossEveryBeat.truePositives(), grossEveryBeat.falseNegatives(), grossEveryBeat.falsePositives(),
                100 * grossEveryBeat.sensitivity(), 100 * grossEveryBeat.positivePredictivity());

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

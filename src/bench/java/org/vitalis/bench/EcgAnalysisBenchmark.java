package org.vitalis.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vitalis.ecg.format.WfdbRecord;
import org.vitalis.ecg.signal.EcgAnalysis;
import org.vitalis.ecg.signal.EcgAnalyzer;

/**
 * Speed of the whole ECG analysis ({@link EcgAnalyzer#analyze}: lead quality, baseline filter, QRS detection, HRV,
 * rhythm flags, median-beat intervals) in multiples of real time on one thread, over the 22 MIT-BIH DS1 records
 * (both leads, 360 Hz, 30 min each) in ../shared/data/mitdb-ds1; no rows when that folder is absent. Issue 5's target
 * is at least 5,000x real time.
 */
public final class EcgAnalysisBenchmark {
    private static final String[] DS1 = {"101", "106", "108", "109", "112", "114", "115", "116", "118", "119", "122",
        "124", "201", "203", "205", "207", "208", "209", "215", "220", "223", "230"};
    private static final int PASSES = 7;
    private static final int WARM_UP_PASSES = 2;
    private static long sink;

    private EcgAnalysisBenchmark() {
    }

    public static void main(String[] args) {
        Benchmarks.print(run());
    }

    public static List<Benchmarks.Row> run() {
        Path dir = Path.of("../shared/data/mitdb-ds1");
        List<Benchmarks.Row> rows = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return rows;
        }
        List<double[][]> records = new ArrayList<>();
        double seconds = 0;
        double fs = 0;
        try {
            for (String name : DS1) {
                WfdbRecord r = WfdbRecord.read(dir, name);
                fs = r.samplingFrequency();
                records.add(new double[][] {r.physical(0), r.physical(1)});
                seconds += r.physical(0).length / fs;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] two = {"MLII", "V1"};
        double bestTwo = Double.MAX_VALUE;
        double bestOne = Double.MAX_VALUE;
        for (int pass = 0; pass < PASSES; pass++) {
            long t0 = System.nanoTime();
            for (double[][] leads : records) {
                sink += count(EcgAnalyzer.analyze(leads, two, fs));
            }
            long t1 = System.nanoTime();
            for (double[][] leads : records) {
                sink += count(EcgAnalyzer.analyze(new double[][] {leads[0]}, new String[] {"MLII"}, fs));
            }
            long t2 = System.nanoTime();
            if (pass >= WARM_UP_PASSES) {
                bestTwo = Math.min(bestTwo, (t1 - t0) / 1e9);
                bestOne = Math.min(bestOne, (t2 - t1) / 1e9);
            }
        }
        String what = String.format(java.util.Locale.ROOT, "MIT-BIH DS1, %d records, %.1f h at %.0f Hz, one thread, best of %d (checksum %d)",
                records.size(), seconds / 3600, fs, PASSES - WARM_UP_PASSES, sink % 1000);
        rows.add(new Benchmarks.Row("ECG whole analysis, 2 leads", Math.round(seconds / bestTwo), "x RT", what));
        rows.add(new Benchmarks.Row("ECG whole analysis, 1 lead", Math.round(seconds / bestOne), "x RT", what));
        return rows;
    }

    private static long count(EcgAnalysis a) {
        return a.beats().count() + a.rhythm().flags().size() + (long) a.intervals().qtMs();
    }
}

package org.vitalis.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every benchmark and prints one table. Run with: ./mvnw -q -Pbench -DskipTests verify
 * (numbers are from this machine and this run; no test asserts on them).
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<Row> rows = new ArrayList<>();
        boolean quick = args.length > 0 && args[0].equals("--quick");
        rows.addAll(SearchBenchmark.run(quick ? new int[] {1_000, 10_000} : new int[] {1_000, 10_000, 100_000}));
        rows.addAll(VitalsSaveBenchmark.run());
        rows.addAll(CodecBenchmark.run());
        rows.addAll(DeviceLatencyBenchmark.run());
        rows.addAll(DeviceToScreenBenchmark.run());
        rows.addAll(EcgAnalysisBenchmark.run());
        rows.addAll(EcgSweepBenchmark.run());
        rows.addAll(ColdStartBenchmark.run());
        rows.addAll(VisionBenchmark.run());
        rows.addAll(VideoBenchmark.run());
        print(rows);
        // The ECG detector is scored on MIT-BIH DS1, which only the shared data sets hold.
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("../shared/data/mitdb-ds1"))) {
            System.out.println();
            EcgDetectorBenchmark.main(new String[0]);
        } else {
            System.out.println("\nECG detector benchmark skipped: ../shared/data/mitdb-ds1 is not beside the project.");
        }
        // The screen benchmarks keep the JavaFX toolkit up for each other; nothing after this needs it.
        javafx.application.Platform.exit();
    }

    /** One figure of the table. */
    public record Row(String figure, double value, String unit, String measured) {
    }

    static void print(List<Row> rows) {
        int w0 = Math.max(6, rows.stream().mapToInt(r -> r.figure().length()).max().orElse(6));
        String format = "| %-" + w0 + "s | %10s | %-5s | %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(format, "figure", "value", "unit", "what was measured"));
        sb.append("|").append("-".repeat(w0 + 2)).append("|------------|-------|").append("-".repeat(40)).append('\n');
        for (Row r : rows) {
            sb.append(String.format(format, r.figure(), String.format("%.2f", r.value()), r.unit(), r.measured()));
        }
        System.out.print(sb);
    }

    static double percentile(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}

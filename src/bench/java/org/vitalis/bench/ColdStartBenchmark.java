package org.vitalis.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vitalis.security.AuditTrail;
import org.vitalis.security.AuthService;
import org.vitalis.security.PasswordHasher;
import org.vitalis.store.Database;
import org.vitalis.store.DatabaseConfig;

/**
 * Cold start: a new JVM runs the real launcher main class on an existing H2 station (JavaFX's
 * headless platform stands in for a display) until the login screen reports that it is shown.
 */
final class ColdStartBenchmark {
    private static final String READY = "Login screen shown";
    private static final int RUNS = 3;

    private ColdStartBenchmark() {
    }

    static List<Benchmarks.Row> run() throws Exception {
        Path dir = Files.createTempDirectory("vitalis-coldstart");
        try (Database db = Database.open(DatabaseConfig.h2File(dir))) {
            Clock clock = Clock.systemUTC();
            new AuthService(db, new AuditTrail(clock), new PasswordHasher(), clock, "bench")
                    .createFirstAdmin("admin", "Admin", "bench-admin-pw".toCharArray());
        }
        List<Double> plain = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            plain.add(startOnce(dir, List.of()));
        }
        // As ./vitalis starts it: the first run writes the class-data archive, later runs map it.
        List<String> cds = List.of("-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + dir.resolve("bench-cds.jsa"), "-Xlog:cds*=off", "-Xlog:aot*=off");
        startOnce(dir, cds);
        List<Double> shared = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            shared.add(startOnce(dir, cds));
        }
        plain.sort(null);
        shared.sort(null);
        return List.of(
                new Benchmarks.Row("cold start to login screen, median", Benchmarks.percentile(plain, 50), "ms",
                        "process start to login screen shown, " + RUNS + " runs, existing H2 station, headless glass"),
                new Benchmarks.Row("cold start to login, class-data sharing", Benchmarks.percentile(shared, 50), "ms",
                        "the same with the launcher's CDS archive (written by an earlier start), median of " + RUNS));
    }

    private static double startOnce(Path dir, List<String> jvmOptions) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Dglass.platform=Headless", "-Dprism.order=sw",
                "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.vitalis.app.Main", "--data-dir",
                dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        long start = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains(READY)) {
                    return (System.nanoTime() - start) / 1e6;
                }
            }
            throw new IllegalStateException("The app ended without showing the login screen");
        } finally {
            // A normal shutdown, so that the JVM can write its class-data archive on exit.
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}

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
        List<Double> wall = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            wall.add(startOnce(dir));
        }
        wall.sort(null);
        return List.of(new Benchmarks.Row("cold start to login screen, median", Benchmarks.percentile(wall, 50), "ms",
                "process start to login screen shown, " + RUNS + " runs, existing H2 station, headless glass"));
    }

    private static double startOnce(Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Dglass.platform=Headless", "-Dprism.order=sw",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.vitalis.app.Main", "--data-dir", dir.toString());
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
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

package org.vitalis.store;

import java.nio.file.Path;
import java.time.LocalDate;
import org.vitalis.domain.Patient;

/**
 * A workstation in its own JVM, for tests that need a second process: {@code write DIR} registers
 * patients and records vitals forever, printing "P id" / "O id" after each commit returns;
 * {@code hold DIR} keeps the database open until its stdin closes.
 */
public final class ChildStation {
    private ChildStation() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseConfig config = DatabaseConfig.h2File(Path.of(args[1]));
        try (TestClinic c = TestClinic.open(config)) {
            if (args[0].equals("hold")) {
                System.out.println("ready");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the parent to close our stdin
                }
                return;
            }
            System.out.println("ready");
            for (int i = 0; ; i++) {
                Patient p = c.register("Child" + i, "Process", LocalDate.of(1990, 1, 1 + i % 28), null);
                System.out.println("P " + p.getId());
                System.out.flush();
                c.recordBp(p.getId(), 120, 80);
                long obs = c.db.inTransaction(s -> s.observations().forPatient(p.getId()).getFirst().getId());
                System.out.println("O " + obs);
                System.out.flush();
            }
        }
    }

    /** Starts this class in a child JVM with the test classpath. */
    static Process start(String mode, Path dir) throws java.io.IOException {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                ChildStation.class.getName(), mode, dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

}

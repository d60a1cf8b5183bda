package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void auditVerifyReportsAnIntactChain(@TempDir Path dir) throws Exception {
        AppConfig cfg = AppConfig.load(new AppConfig.Overrides(dir, null, false, null, null), Map.of());
        try (Station st = Station.open(cfg)) {
            st.auth.createFirstAdmin("admin", "Admin", "admin-password".toCharArray());
        }
        Result r = run("audit", "verify", "--data-dir", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Audit trail intact: 2 rows");
    }

    @Test
    void auditVerifyNamesTheFirstBrokenRowAndExitsOne(@TempDir Path dir) throws Exception {
        AppConfig cfg = AppConfig.load(new AppConfig.Overrides(dir, null, false, null, null), Map.of());
        try (Station st = Station.open(cfg)) {
            var admin = st.auth.createFirstAdmin("admin", "Admin", "admin-password".toCharArray());
            st.auth.logout(admin);
            st.auth.login("admin", "admin-password".toCharArray());
        }
        // Tampering needs the append-only trigger out of the way, as an attacker with database access would do.
        try (var c = java.sql.DriverManager.getConnection(cfg.database().jdbcUrl(), cfg.database().user(),
                cfg.database().password()); var s = c.createStatement()) {
            s.execute("drop trigger audit_entry_append_only");
            s.executeUpdate("update audit_entry set detail = 'nothing happened' where seq = 3");
        }
        Result r = run("audit", "verify", "--data-dir", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("BROKEN at row 3").contains("changed after it was written").contains("Rows 1-2");
    }

    @Test
    void helpListsTheCommands() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("audit").contains("--demo").contains("--data-dir");
    }

    @Test
    void aBadConfigGivesOneClearLineAndNoStackTrace(@TempDir Path dir) {
        Result r = run("audit", "verify", "--config", dir.resolve("nope.properties").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("vitalis: The config file").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void withoutADisplayTheWindowCommandSaysSoInOneLineAndExitsNonZero(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vitalis.app.Main", "--data-dir", dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err.strip().lines()).hasSize(1);
        assertThat(err).contains("no graphical display").doesNotContain("Exception");
    }
}

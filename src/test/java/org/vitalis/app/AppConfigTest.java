package org.vitalis.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitalis.store.DatabaseConfig;

class AppConfigTest {
    @Test
    void defaultsToAnH2FileInTheDataDirectory(@TempDir Path dir) {
        AppConfig c = AppConfig.load(new AppConfig.Overrides(dir, null, false, null, null), Map.of());
        assertThat(c.database().kind()).isEqualTo(DatabaseConfig.Kind.H2);
        assertThat(c.database().jdbcUrl()).contains(dir.toAbsolutePath().resolve("vitalis").toString());
        assertThat(c.idleLockMinutes()).isEqualTo(5);
        assertThat(c.language()).isEqualTo("en");
        assertThat(c.dark()).isFalse();
    }

    @Test
    void fileThenEnvironmentThenOptionsTakePrecedence(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vitalis.properties"), """
                db.url=jdbc:postgresql://server:5432/clinic
                db.user=fileuser
                db.password=filepw
                workstation.name=intake-1
                session.idleLockMinutes=10
                ui.language=ar
                ui.theme=dark
                """);
        AppConfig c = AppConfig.load(new AppConfig.Overrides(dir, null, false, "en", null),
                Map.of("VITALIS_DB_USER", "envuser", "VITALIS_IDLE_LOCK_MINUTES", "3"));
        assertThat(c.database().kind()).isEqualTo(DatabaseConfig.Kind.POSTGRESQL);
        assertThat(c.database().user()).isEqualTo("envuser");
        assertThat(c.database().password()).isEqualTo("filepw");
        assertThat(c.database().describe()).isEqualTo("PostgreSQL //server:5432/clinic").doesNotContain("filepw");
        assertThat(c.workstation()).isEqualTo("intake-1");
        assertThat(c.idleLockMinutes()).isEqualTo(3);
        assertThat(c.language()).isEqualTo("en");
        assertThat(c.dark()).isTrue();
    }

    @Test
    void wrongSettingsAreNamedClearly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vitalis.properties"), "session.idleLockMinutes=soon\n");
        assertThatThrownBy(() -> AppConfig.load(new AppConfig.Overrides(dir, null, false, null, null), Map.of()))
                .hasMessageContaining("session.idleLockMinutes").hasMessageContaining("soon");
        assertThatThrownBy(() -> AppConfig.load(new AppConfig.Overrides(dir, dir.resolve("missing.properties"), false,
                null, null), Map.of())).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> AppConfig.load(new AppConfig.Overrides(dir, null, false, null, null),
                Map.of("VITALIS_DB_URL", "jdbc:mysql://x/y", "VITALIS_DB_USER", "u")))
                .hasMessageContaining("Not a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> AppConfig.load(new AppConfig.Overrides(dir, null, false, "fr", null),
                Map.of("VITALIS_IDLE_LOCK_MINUTES", "5"))).hasMessageContaining("en or ar");
    }

    @Test
    void demoHasItsOwnDataDirectory() {
        assertThat(DataDirectories.defaultFor(true)).isNotEqualTo(DataDirectories.defaultFor(false));
        assertThat(DataDirectories.defaultFor(true).getFileName().toString().toLowerCase()).contains("demo");
    }
}

package org.vitalis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.vitalis.domain.Role;
import org.vitalis.registry.PatientService;
import org.vitalis.registry.VitalsService;
import org.vitalis.security.AccessGuard;
import org.vitalis.security.AuditTrail;
import org.vitalis.security.AuthService;
import org.vitalis.security.PasswordHasher;
import org.vitalis.security.UserAdminService;
import org.vitalis.security.UserSession;
import org.vitalis.store.Database;
import org.vitalis.store.DatabaseConfig;

/** A real H2 station in a temporary folder with an admin and a nurse logged in. */
final class BenchStation implements AutoCloseable {
    final Path dir;
    final Database db;
    final PatientService patients;
    final VitalsService vitals;
    final UserSession nurse;

    BenchStation() throws Exception {
        dir = Files.createTempDirectory("vitalis-bench");
        db = Database.open(DatabaseConfig.h2File(dir));
        Clock clock = Clock.systemUTC();
        AuditTrail trail = new AuditTrail(clock);
        PasswordHasher hasher = new PasswordHasher();
        AccessGuard guard = new AccessGuard(db, trail);
        AuthService auth = new AuthService(db, trail, hasher, clock, "bench");
        UserSession admin = auth.createFirstAdmin("admin", "Admin", "bench-admin-pw".toCharArray());
        new UserAdminService(db, trail, guard, hasher, clock).create(admin, "nurse", "Nurse", Role.NURSE,
                "bench-nurse-pw".toCharArray());
        nurse = auth.login("nurse", "bench-nurse-pw".toCharArray());
        patients = new PatientService(db, trail, guard, clock);
        vitals = new VitalsService(db, trail, guard, clock);
    }

    @Override
    public void close() throws Exception {
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

package org.vitalis.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.vitalis.domain.Role;
import org.vitalis.registry.EcgRecordingService;
import org.vitalis.registry.LesionImageService;
import org.vitalis.registry.PatientService;
import org.vitalis.registry.VitalsService;
import org.vitalis.security.AccessGuard;
import org.vitalis.security.AuditService;
import org.vitalis.security.AuditTrail;
import org.vitalis.security.AuthService;
import org.vitalis.security.PasswordHasher;
import org.vitalis.security.UserAdminService;
import org.vitalis.security.UserSession;
import org.vitalis.store.Database;
import org.vitalis.store.DatabaseConfig;

/** A real H2 database and the real services, wired as the composition root would. */
public final class TestStation implements AutoCloseable {
    public static final String ADMIN_PW = "admin-pass-1";
    public static final String NURSE_PW = "nurse-pass-1";

    public final Database db;
    public final AuthService auth;
    public final UserAdminService users;
    public final PatientService patients;
    public final VitalsService vitals;
    public final EcgRecordingService ecg;
    public final LesionImageService lesions;
    public final AuditService audit;
    public final List<Path> backups = new java.util.concurrent.CopyOnWriteArrayList<>();

    public TestStation(Path dir) {
        db = Database.open(DatabaseConfig.h2File(dir));
        Clock clock = Clock.systemUTC();
        AuditTrail trail = new AuditTrail(clock);
        PasswordHasher hasher = new PasswordHasher();
        AccessGuard guard = new AccessGuard(db, trail);
        auth = new AuthService(db, trail, hasher, clock, "ws-test");
        users = new UserAdminService(db, trail, guard, hasher, clock);
        patients = new PatientService(db, trail, guard, clock);
        vitals = new VitalsService(db, trail, guard, clock);
        ecg = new EcgRecordingService(db, trail, guard, clock);
        lesions = new LesionImageService(db, trail, guard, clock);
        audit = new AuditService(db, trail, guard);
    }

    /** An admin "admin" and a nurse "nurse", so tests can start at the login screen. */
    public TestStation withStaff() {
        UserSession admin = auth.createFirstAdmin("admin", "Amira Admin", ADMIN_PW.toCharArray());
        users.create(admin, "nurse", "Nadia Nurse", Role.NURSE, NURSE_PW.toCharArray());
        return this;
    }

    public UiContext context(String language, boolean dark, boolean demo) {
        return context(language, dark, demo, Optional.empty());
    }

    public UiContext context(String language, boolean dark, boolean demo, Optional<StationDevices> devices) {
        return context(language, dark, demo, devices, Optional.empty());
    }

    public UiContext context(String language, boolean dark, boolean demo, Optional<StationDevices> devices,
            Optional<Imaging> imaging) {
        Backups b = (session, file, progress) -> {
            progress.accept(0.5);
            java.nio.file.Files.writeString(file, "backup");
            backups.add(file);
            progress.accept(1.0);
        };
        List<UiContext.DemoAccount> accounts = demo ? List.of(new UiContext.DemoAccount("nurse", NURSE_PW, "NURSE"),
                new UiContext.DemoAccount("admin", ADMIN_PW, "ADMIN")) : List.of();
        return new UiContext(auth, users, patients, vitals, ecg, audit, b,
                new UiContext.Station("ws-test", "H2 (test)", demo, accounts),
                new UiContext.Settings(15, language, dark), Optional.empty(), devices, imaging);
    }

    @Override
    public void close() {
        db.close();
    }
}

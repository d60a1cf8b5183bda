package org.vitalis.app;

import java.time.Clock;
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
import org.vitalis.store.Database;
import org.vitalis.vision.camera.Cameras;
import org.vitalis.vision.camera.SystemCameras;

/** The composition root's object graph: one database and the services built on it, wired by constructor. */
final class Station implements AutoCloseable {
    final AppConfig config;
    final Database db;
    final Clock clock;
    final AuditTrail trail;
    final AccessGuard guard;
    final PasswordHasher hasher;
    final AuthService auth;
    final UserAdminService users;
    final PatientService patients;
    final VitalsService vitals;
    final EcgRecordingService ecg;
    final LesionImageService lesions;
    /** The system's cameras; in the demo the demo dermatoscopes first, made when first listed. */
    final Cameras cameras;
    final AuditService audit;

    private Station(AppConfig config, Database db, Clock clock) {
        this.config = config;
        this.db = db;
        this.clock = clock;
        this.trail = new AuditTrail(clock);
        this.guard = new AccessGuard(db, trail);
        this.hasher = new PasswordHasher();
        this.auth = new AuthService(db, trail, hasher, clock, config.workstation());
        this.users = new UserAdminService(db, trail, guard, hasher, clock);
        this.patients = new PatientService(db, trail, guard, clock);
        this.vitals = new VitalsService(db, trail, guard, clock);
        this.ecg = new EcgRecordingService(db, trail, guard, clock);
        this.lesions = new LesionImageService(db, trail, guard, clock);
        this.cameras = config.demo()
                ? Cameras.withSources(() -> DemoCamera.sources(config.dataDir()), new SystemCameras())
                : new SystemCameras();
        this.audit = new AuditService(db, trail, guard);
    }

    static Station open(AppConfig config) {
        return new Station(config, Database.open(config.database()), Clock.systemUTC());
    }

    @Override
    public void close() {
        cameras.close();
        db.close();
    }
}

package org.vitalis.store;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.vitalis.domain.Patient;
import org.vitalis.domain.Role;
import org.vitalis.domain.Sex;
import org.vitalis.domain.VitalSign;
import org.vitalis.registry.EcgRecordingService;
import org.vitalis.registry.LesionImageService;
import org.vitalis.registry.PatientDraft;
import org.vitalis.registry.PatientService;
import org.vitalis.registry.VitalsEntry;
import org.vitalis.registry.VitalsService;
import org.vitalis.security.AccessGuard;
import org.vitalis.security.Actor;
import org.vitalis.security.AuditTrail;
import org.vitalis.security.AuthService;
import org.vitalis.security.PasswordHasher;
import org.vitalis.security.UserAdminService;
import org.vitalis.security.UserSession;

/** The services wired over one open database, as the composition root does, with an admin and a nurse. */
public final class TestClinic implements AutoCloseable {
    public final Database db;
    public final AuditTrail trail;
    public final AccessGuard guard;
    public final PatientService patients;
    public final VitalsService vitals;
    public final EcgRecordingService ecg;
    public final LesionImageService lesions;
    public final UserSession nurse;

    private TestClinic(Database db, UserSession nurse) {
        this.db = db;
        this.trail = new AuditTrail(Clock.systemUTC());
        this.guard = new AccessGuard(db, trail);
        this.patients = new PatientService(db, trail, guard, Clock.systemUTC());
        this.vitals = new VitalsService(db, trail, guard, Clock.systemUTC());
        this.ecg = new EcgRecordingService(db, trail, guard, Clock.systemUTC());
        this.lesions = new LesionImageService(db, trail, guard, Clock.systemUTC());
        this.nurse = nurse;
    }

    /** Opens (migrating) the database and creates the first accounts when there are none. */
    public static TestClinic open(DatabaseConfig config) {
        Database db = Database.open(config);
        Clock clock = Clock.systemUTC();
        AuditTrail trail = new AuditTrail(clock);
        UserSession nurse;
        if (db.inTransaction(s -> s.users().count()) == 0) {
            PasswordHasher hasher = new PasswordHasher();
            AuthService auth = new AuthService(db, trail, hasher, clock, "ws-test");
            UserSession admin = auth.createFirstAdmin("admin", "Admin", "correct horse".toCharArray());
            new UserAdminService(db, trail, new AccessGuard(db, trail), hasher, clock)
                    .create(admin, "nurse", "Nurse Joy", Role.NURSE, "nurse-pass-1".toCharArray());
            long id = db.inTransaction(s -> s.users().findByUsername("nurse").orElseThrow().getId());
            nurse = new UserSession(id, "nurse", "Nurse Joy", Role.NURSE, "ws-test", Instant.now());
        } else {
            long id = db.inTransaction(s -> s.users().findByUsername("nurse").orElseThrow().getId());
            nurse = new UserSession(id, "nurse", "Nurse Joy", Role.NURSE, "ws-test", Instant.now());
        }
        return new TestClinic(db, nurse);
    }

    /** A doctor's session; the account "doctor" is created on first use (so other tests' audit rows stay as they were). */
    public UserSession doctor() {
        Clock clock = Clock.systemUTC();
        PasswordHasher hasher = new PasswordHasher();
        if (db.inTransaction(s -> s.users().findByUsername("doctor")).isEmpty()) {
            long adminId = db.inTransaction(s -> s.users().findByUsername("admin").orElseThrow().getId());
            UserSession admin = new UserSession(adminId, "admin", "Admin", Role.ADMIN, "ws-test", Instant.now());
            new UserAdminService(db, trail, guard, hasher, clock)
                    .create(admin, "doctor", "Dr. Rania", Role.DOCTOR, "doctor-pass-1".toCharArray());
        }
        long id = db.inTransaction(s -> s.users().findByUsername("doctor").orElseThrow().getId());
        return new UserSession(id, "doctor", "Dr. Rania", Role.DOCTOR, "ws-test", Instant.now());
    }

    public Actor admin() {
        return new Actor("admin", "ws-test");
    }

    public Patient register(String given, String family, LocalDate dob, String phone) {
        return patients.register(nurse, PatientDraft.basic(given, family, dob, Sex.FEMALE, phone));
    }

    public void recordBp(long patientId, int systolic, int diastolic) {
        vitals.record(nurse, patientId, new VitalsEntry(Instant.now(), Map.of(VitalSign.SYSTOLIC_BP,
                BigDecimal.valueOf(systolic), VitalSign.DIASTOLIC_BP, BigDecimal.valueOf(diastolic)), null));
    }

    public AuditTrail.Verification verify() {
        return trail.verify(db, n -> { });
    }

    @Override
    public void close() {
        db.close();
    }
}

package org.vitalis.store;

import org.hibernate.Session;

/** One open transaction, seen through the repositories; handed to the work given to {@link Database}. */
public final class StoreSession {
    private final Session session;
    private final DatabaseConfig.Kind kind;

    StoreSession(Session session, DatabaseConfig.Kind kind) {
        this.session = session;
        this.kind = kind;
    }

    public PatientRepository patients() {
        return new PatientRepository(session, kind);
    }

    public ObservationRepository observations() {
        return new ObservationRepository(session);
    }

    public EcgRecordingRepository ecgRecordings() {
        return new EcgRecordingRepository(session);
    }

    public LesionImageRepository lesionImages() {
        return new LesionImageRepository(session);
    }

    public UserRepository users() {
        return new UserRepository(session);
    }

    public AuditRepository audit() {
        return new AuditRepository(session);
    }
}

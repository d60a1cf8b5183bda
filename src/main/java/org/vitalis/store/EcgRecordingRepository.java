package org.vitalis.store;

import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.vitalis.domain.EcgRecording;

/** ECG recordings; their leads and measurements are written with them and read only when asked for. */
public final class EcgRecordingRepository {
    private final Session session;

    EcgRecordingRepository(Session session) {
        this.session = session;
    }

    /** Inserts a new recording or writes a changed one; flushed, so a stale version is refused here. */
    public EcgRecording save(EcgRecording recording) {
        EcgRecording saved;
        if (recording.getId() == null) {
            session.persist(recording);
            saved = recording;
        } else {
            saved = session.merge(recording);
        }
        session.flush();
        return saved;
    }

    public Optional<EcgRecording> findById(long id) {
        return Optional.ofNullable(session.find(EcgRecording.class, id));
    }

    /** A patient's recordings, newest first (without their samples). */
    public List<EcgRecording> listByPatient(long patientId) {
        return session.createSelectionQuery(
                "from EcgRecording where patientId = :p order by recordedAt desc, id desc", EcgRecording.class)
                .setParameter("p", patientId).getResultList();
    }

    /** Recordings no doctor has confirmed yet, of every patient, newest first (without their samples). */
    public List<EcgRecording> listAwaitingReview() {
        return session.createSelectionQuery(
                "from EcgRecording where confirmedAt is null order by recordedAt desc, id desc", EcgRecording.class)
                .getResultList();
    }

    public long count() {
        return session.createSelectionQuery("select count(*) from EcgRecording", Long.class).getSingleResult();
    }
}

package org.vitalis.store;

import java.util.List;
import org.hibernate.Session;
import org.vitalis.domain.Observation;

/** Observations are only added and read; a correction is a new observation. */
public final class ObservationRepository {
    private final Session session;

    ObservationRepository(Session session) {
        this.session = session;
    }

    public void add(Observation observation) {
        session.persist(observation);
    }

    /** A patient's observations, newest first. */
    public List<Observation> forPatient(long patientId) {
        return session.createSelectionQuery(
                "from Observation where patientId = :p order by effectiveAt desc, id desc", Observation.class)
                .setParameter("p", patientId).getResultList();
    }

    public long count() {
        return session.createSelectionQuery("select count(*) from Observation", Long.class).getSingleResult();
    }
}

package org.vitalis.store;

import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.vitalis.domain.Laterality;
import org.vitalis.domain.LesionImage;
import org.vitalis.domain.LesionImageContent;

/** Lesion photographs; their pictures are read only when asked for, lists carry thumbnails. */
public final class LesionImageRepository {
    private final Session session;

    LesionImageRepository(Session session) {
        this.session = session;
    }

    /** Inserts a new image with its picture; flushed, so the picture's row can refer to the new id. */
    public LesionImage insert(LesionImage image, String mediaType, byte[] picture) {
        session.persist(image);
        session.flush();
        session.persist(new LesionImageContent(image.getId(), mediaType, picture));
        session.flush();
        return image;
    }

    /** Writes a changed image; flushed, so a stale version is refused here. */
    public LesionImage save(LesionImage image) {
        LesionImage saved = session.merge(image);
        session.flush();
        return saved;
    }

    public Optional<LesionImage> findById(long id) {
        return Optional.ofNullable(session.find(LesionImage.class, id));
    }

    public Optional<LesionImageContent> content(long imageId) {
        return Optional.ofNullable(session.find(LesionImageContent.class, imageId));
    }

    /** A patient's images, newest first. */
    public List<LesionImage> listByPatient(long patientId) {
        return session.createSelectionQuery(
                "from LesionImage where patientId = :p order by takenAt desc, id desc", LesionImage.class)
                .setParameter("p", patientId).getResultList();
    }

    /** The same site (part of it, and side) of a patient over time, oldest first. */
    public List<LesionImage> listBySite(long patientId, String siteCode, String siteModifierCode,
            Laterality laterality) {
        String part = siteModifierCode == null ? "siteModifierCode is null" : "siteModifierCode = :m";
        String side = laterality == null ? "laterality is null" : "laterality = :l";
        var q = session.createSelectionQuery("from LesionImage where patientId = :p and siteCode = :s and " + part
                + " and " + side + " order by takenAt, id", LesionImage.class).setParameter("p", patientId)
                .setParameter("s", siteCode);
        if (siteModifierCode != null) {
            q.setParameter("m", siteModifierCode);
        }
        if (laterality != null) {
            q.setParameter("l", laterality);
        }
        return q.getResultList();
    }

    /** Images a model has read that no doctor has reviewed yet, of every patient, oldest first. */
    public List<LesionImage> listAwaitingReview() {
        return session.createSelectionQuery(
                "from LesionImage where aiAt is not null and reviewedAt is null order by takenAt, id", LesionImage.class)
                .getResultList();
    }

    /** Images a doctor has reviewed, oldest first: the labelled data set. */
    public List<LesionImage> listReviewed() {
        return session.createSelectionQuery(
                "from LesionImage where reviewedAt is not null order by id", LesionImage.class).getResultList();
    }

    public long count() {
        return session.createSelectionQuery("select count(*) from LesionImage", Long.class).getSingleResult();
    }
}

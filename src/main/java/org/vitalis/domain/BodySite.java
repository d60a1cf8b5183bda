package org.vitalis.domain;

/**
 * An anatomical site a lesion photograph can show, as a SNOMED CT body-structure concept.
 *
 * @param code    the concept id
 * @param display the concept's English term, stored with each image so the record reads without the catalogue
 * @param oral    a site of the mouth (for {@link LesionKind#ORAL}); otherwise a skin site
 * @param paired  a site on both sides of the body: a photograph of it names the side ({@link Laterality})
 * @param view    where a skin site lies on the body map; null for oral sites
 */
public record BodySite(String code, String display, boolean oral, boolean paired, View view) {
    /** The side of a front-and-back body map a skin site is drawn on. */
    public enum View {
        FRONT,
        BACK,
        /** Hands and feet show on both. */
        BOTH
    }

    public boolean fits(LesionKind kind) {
        return oral == (kind == LesionKind.ORAL);
    }
}

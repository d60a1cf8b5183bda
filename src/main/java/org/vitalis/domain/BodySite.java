package org.vitalis.domain;

/**
 * An anatomical site a lesion photograph can show, as a SNOMED CT body-structure concept.
 *
 * @param code     the concept id
 * @param modifier the part of that structure, or null for the whole (see {@link AnatomicModifier})
 * @param display  the site's English term, stored with each image so the record reads without the catalogue
 * @param oral    a site of the mouth (for {@link LesionKind#ORAL}); otherwise a skin site
 * @param paired  a site on both sides of the body: a photograph of it names the side ({@link Laterality})
 * @param view    where a skin site lies on the body map; null for oral sites
 */
public record BodySite(String code, AnatomicModifier modifier, String display, boolean oral, boolean paired,
        View view) {
    /** The side of a front-and-back body map a skin site is drawn on. */
    public enum View {
        FRONT,
        BACK,
        /** Hands and feet show on both. */
        BOTH
    }

    /** Names the site uniquely among the catalogue's: the code, and the modifier's code after a dot when there is one. */
    public String key() {
        return key(code, modifier == null ? null : modifier.code());
    }

    public static String key(String code, String modifierCode) {
        return modifierCode == null ? code : code + "." + modifierCode;
    }

    public String modifierCode() {
        return modifier == null ? null : modifier.code();
    }

    public boolean fits(LesionKind kind) {
        return oral == (kind == LesionKind.ORAL);
    }
}

package org.vitalis.domain;

/**
 * A qualifier that narrows a body structure to a part of it, coded as DICOM does in its Anatomic Region Modifier
 * Sequence: a SNOMED CT qualifier value from DICOM PS3.16 CID 2 "Anatomic Modifier". Used where SNOMED CT's own
 * concept for the part could not be checked against a published list (the surfaces of the tongue), so the site is the
 * checked structure plus a checked modifier rather than a guessed code.
 *
 * @param code    the SNOMED CT concept id of the qualifier
 * @param display the term CID 2 gives it
 */
public record AnatomicModifier(String code, String display) {
    /** DICOM PS3.16 CID 2: (264217000, SCT, "Superior"). The dorsum is the tongue's superior surface. */
    public static final AnatomicModifier SUPERIOR = new AnatomicModifier("264217000", "Superior");
    /** DICOM PS3.16 CID 2: (261089000, SCT, "Inferior"). The ventral surface is the tongue's inferior surface. */
    public static final AnatomicModifier INFERIOR = new AnatomicModifier("261089000", "Inferior");
    /** DICOM PS3.16 CID 2: (49370004, SCT, "Lateral"). The tongue's lateral border, one per side. */
    public static final AnatomicModifier LATERAL = new AnatomicModifier("49370004", "Lateral");
}

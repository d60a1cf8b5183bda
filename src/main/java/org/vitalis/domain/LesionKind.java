package org.vitalis.domain;

/** What sort of lesion photograph it is; decides which sites apply and which model may read it. */
public enum LesionKind {
    /** Inside the mouth or the lips, from an intraoral camera or a phone. */
    ORAL,
    /** Skin seen with the naked eye, as a clinical photograph. */
    SKIN_CLINICAL,
    /** Skin through a dermatoscope: magnified, lit, usually in contact. */
    DERMOSCOPIC
}

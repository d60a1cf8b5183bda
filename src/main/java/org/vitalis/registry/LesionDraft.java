package org.vitalis.registry;

import org.vitalis.domain.BodySite;
import org.vitalis.domain.Laterality;
import org.vitalis.domain.LesionKind;

/** Whose picture it is and what it shows: the patient, the kind of picture, the site and, for paired sites, the side. */
public record LesionDraft(long patientId, LesionKind kind, BodySite site, Laterality laterality) {
}

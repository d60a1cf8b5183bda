package org.vitalis.registry;

import java.time.LocalDate;
import java.util.List;
import org.vitalis.domain.EmergencyContact;
import org.vitalis.domain.ExternalIdentifier;
import org.vitalis.domain.Sex;

/** What a registration or edit form submits; blank strings count as absent. */
public record PatientDraft(String givenName, String familyName, String givenNameArabic, String familyNameArabic,
        LocalDate birthDate, Sex sex, String phone, String email, String address, byte[] photo, String notes,
        List<EmergencyContact> emergencyContacts, List<ExternalIdentifier> identifiers) {

    public PatientDraft {
        emergencyContacts = emergencyContacts == null ? List.of() : List.copyOf(emergencyContacts);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        sex = sex == null ? Sex.UNKNOWN : sex;
    }

    /** A draft with only the fields a quick registration needs. */
    public static PatientDraft basic(String givenName, String familyName, LocalDate birthDate, Sex sex, String phone) {
        return new PatientDraft(givenName, familyName, null, null, birthDate, sex, phone, null, null, null, null,
                List.of(), List.of());
    }
}

package org.vitalis.domain;

import java.time.LocalDate;

/** What a search result or a list row shows of a patient; enough to tell two patients apart. */
public record PatientSummary(long id, String mrn, String givenName, String familyName, String givenNameArabic,
        String familyNameArabic, LocalDate birthDate, Sex sex, String phone) {

    public String displayName() {
        return familyName + ", " + givenName;
    }

    public String arabicDisplayName() {
        if (givenNameArabic == null && familyNameArabic == null) {
            return null;
        }
        return ((givenNameArabic == null ? "" : givenNameArabic) + " "
                + (familyNameArabic == null ? "" : familyNameArabic)).strip();
    }
}

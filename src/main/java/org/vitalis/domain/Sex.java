package org.vitalis.domain;

/** Administrative sex, with the same four values as FHIR's AdministrativeGender. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}

package org.vitalis.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A person registered at the clinic. Names are kept in Latin script and, where the patient has
 * one, in Arabic script, because staff search by either and reports print both.
 */
@Entity
@Table(name = "patient")
public class Patient {
    public static final int MAX_PHOTO_BYTES = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patient_seq")
    @SequenceGenerator(name = "patient_seq", sequenceName = "patient_seq", allocationSize = 50)
    private Long id;

    /** Optimistic lock: two workstations editing the same patient must not overwrite each other silently. */
    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 20)
    private String mrn;

    @Column(name = "given_name", nullable = false, length = 100)
    private String givenName;

    @Column(name = "family_name", nullable = false, length = 100)
    private String familyName;

    @Column(name = "given_name_ar", length = 100)
    private String givenNameArabic;

    @Column(name = "family_name_ar", length = 100)
    private String familyNameArabic;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Sex sex = Sex.UNKNOWN;

    @Column(length = 50)
    private String phone;

    @Column(length = 200)
    private String email;

    @Column(length = 500)
    private String address;

    /** JPEG or PNG bytes, capped so one row stays small enough to load with the chart. */
    @Column(name = "photo", length = Patient.MAX_PHOTO_BYTES)
    private byte[] photo;

    @Column(length = 4000)
    private String notes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "patient_emergency_contact", joinColumns = @JoinColumn(name = "patient_id"))
    @OrderColumn(name = "position")
    private List<EmergencyContact> emergencyContacts = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "patient_identifier", joinColumns = @JoinColumn(name = "patient_id"))
    @OrderColumn(name = "position")
    private List<ExternalIdentifier> identifiers = new ArrayList<>();

    @Column(name = "created_by", nullable = false, length = 50)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_by", nullable = false, length = 50)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Patient() {
    }

    public Patient(String mrn, String createdBy, Instant createdAt) {
        this.mrn = mrn;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedBy = createdBy;
        this.updatedAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getMrn() {
        return mrn;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getGivenNameArabic() {
        return givenNameArabic;
    }

    public void setGivenNameArabic(String givenNameArabic) {
        this.givenNameArabic = givenNameArabic;
    }

    public String getFamilyNameArabic() {
        return familyNameArabic;
    }

    public void setFamilyNameArabic(String familyNameArabic) {
        this.familyNameArabic = familyNameArabic;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public Sex getSex() {
        return sex;
    }

    public void setSex(Sex sex) {
        this.sex = sex;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public byte[] getPhoto() {
        return photo == null ? null : photo.clone();
    }

    public void setPhoto(byte[] photo) {
        this.photo = photo == null ? null : photo.clone();
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public List<EmergencyContact> getEmergencyContacts() {
        return emergencyContacts;
    }

    public List<ExternalIdentifier> getIdentifiers() {
        return identifiers;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void markUpdated(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** "Family, Given" in Latin script, the order clinic lists sort by. */
    public String displayName() {
        return familyName + ", " + givenName;
    }

    /** The Arabic-script name in natural order, or null when none was given. */
    public String arabicDisplayName() {
        if (givenNameArabic == null && familyNameArabic == null) {
            return null;
        }
        return ((givenNameArabic == null ? "" : givenNameArabic) + " "
                + (familyNameArabic == null ? "" : familyNameArabic)).strip();
    }
}

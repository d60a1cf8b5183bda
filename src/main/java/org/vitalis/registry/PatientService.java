package org.vitalis.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.vitalis.domain.AuditAction;
import org.vitalis.domain.Patient;
import org.vitalis.domain.PatientSummary;
import org.vitalis.security.AccessGuard;
import org.vitalis.security.AuditTrail;
import org.vitalis.security.Permission;
import org.vitalis.security.UserSession;
import org.vitalis.store.Database;
import org.vitalis.store.SearchTokens;

/** Registering, finding and opening patients. Every look at patient data is audited. */
public final class PatientService {
    public static final int SEARCH_LIMIT = 50;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9][0-9 ()\\-.]{3,30}");
    private static final Pattern PHONE_QUERY = Pattern.compile("[+0-9 ()\\-.]+");
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final Database db;
    private final AuditTrail audit;
    private final AccessGuard guard;
    private final Clock clock;

    /** Characters of patient ids per audit entry of {@link #forList}; the entry's detail holds 2000. */
    private static final int AUDIT_IDS_PER_ENTRY = 1900;

    public PatientService(Database db, AuditTrail audit, AccessGuard guard, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * Patients matching every word of the query, by name fragment (start of any name word, either
     * script, accents ignored), MRN, phone number or birth date (2001-03-31 or 31/3/2001).
     */
    public List<PatientSummary> search(UserSession session, String query) {
        guard.require(session, Permission.PATIENT_READ);
        List<String> terms = queryTerms(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        return db.inTransaction(s -> {
            List<PatientSummary> found = s.patients().search(terms, SEARCH_LIMIT);
            audit.record(s, session.actor(), AuditAction.PATIENT_SEARCH, "patient", null,
                    "results=" + found.size() + " ids=" + found.stream().map(p -> Long.toString(p.id())).toList());
            return found;
        });
    }

    static List<String> queryTerms(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String q = query.strip();
        String digits = SearchTokens.phoneDigits(q);
        // A phone number typed with spaces, or in international form ("+963…"), which the name
        // word splitting would otherwise keep as one word with its '+' and never match.
        if (PHONE_QUERY.matcher(q).matches() && digits.length() >= 6 && (q.contains(" ") || q.startsWith("+"))) {
            return List.of(digits);
        }
        List<String> terms = new ArrayList<>();
        for (String word : q.split("\\s+")) {
            LocalDate date = parseDate(word);
            if (date != null) {
                terms.add(date.toString());
            } else {
                terms.addAll(SearchTokens.words(word));
            }
        }
        return terms;
    }

    private static LocalDate parseDate(String word) {
        try {
            if (word.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(word);
            }
            if (word.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return LocalDate.parse(word, DAY_FIRST);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** Already registered patients with the same name and birth date, or the same phone. */
    public List<PatientSummary> possibleDuplicates(UserSession session, PatientDraft draft) {
        guard.require(session, Permission.PATIENT_REGISTER);
        return db.inTransaction(s -> s.patients().possibleDuplicates(draft.givenName(), draft.familyName(),
                draft.birthDate(), draft.phone()));
    }

    public Patient register(UserSession session, PatientDraft draft) {
        guard.require(session, Permission.PATIENT_REGISTER);
        validate(draft);
        return db.inTransaction(s -> {
            Patient p = new Patient(Mrn.of(s.patients().nextMrnNumber()), session.username(), clock.instant());
            apply(draft, p);
            Patient saved = s.patients().save(p);
            audit.record(s, session.actor(), AuditAction.PATIENT_CREATE, "patient", String.valueOf(saved.getId()),
                    "mrn=" + saved.getMrn());
            return saved;
        });
    }

    /** Opens a chart: loads the patient and records that this user viewed it. */
    public Patient open(UserSession session, long patientId) {
        guard.require(session, Permission.PATIENT_READ);
        return db.inTransaction(s -> {
            Patient p = s.patients().find(patientId)
                    .orElseThrow(() -> new IllegalArgumentException("No patient with id " + patientId));
            audit.record(s, session.actor(), AuditAction.PATIENT_VIEW, "patient", String.valueOf(patientId), null);
            return p;
        });
    }

    /**
     * The patients a list of another kind (a worklist of recordings or photos) belongs to, by id, for naming its rows.
     * One audit entry names them all (split over several entries when they are many), instead of one chart look each.
     * Ids of no patient are left out.
     */
    public Map<Long, PatientSummary> forList(UserSession session, Collection<Long> ids) {
        guard.require(session, Permission.PATIENT_READ);
        List<Long> wanted = ids.stream().distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return db.inTransaction(s -> {
            Map<Long, PatientSummary> out = new LinkedHashMap<>();
            s.patients().summaries(wanted).forEach(p -> out.put(p.id(), p));
            StringBuilder chunk = new StringBuilder();
            for (long id : out.keySet()) {
                if (chunk.length() > AUDIT_IDS_PER_ENTRY) {
                    audit.record(s, session.actor(), AuditAction.PATIENT_SEARCH, "patient", null, "listed: " + chunk);
                    chunk.setLength(0);
                }
                chunk.append(chunk.isEmpty() ? "" : ",").append(id);
            }
            if (!chunk.isEmpty()) {
                audit.record(s, session.actor(), AuditAction.PATIENT_SEARCH, "patient", null, "listed: " + chunk);
            }
            return out;
        });
    }

    /** Looks a patient up by MRN (typed or scanned); empty when none has it. */
    public java.util.Optional<PatientSummary> findByMrn(UserSession session, String mrn) {
        guard.require(session, Permission.PATIENT_READ);
        String m = mrn == null ? "" : mrn.strip();
        return db.inTransaction(s -> s.patients().findByMrn(m).map(p -> {
            audit.record(s, session.actor(), AuditAction.PATIENT_SEARCH, "patient", String.valueOf(p.getId()), "by MRN");
            return new PatientSummary(p.getId(), p.getMrn(), p.getGivenName(), p.getFamilyName(), p.getGivenNameArabic(),
                    p.getFamilyNameArabic(), p.getBirthDate(), p.getSex(), p.getPhone());
        }));
    }

    /**
     * Saves an edit. {@code expectedVersion} is the version the form was filled from; if another
     * workstation saved meanwhile, the store refuses with a ConcurrentChangeException.
     */
    public Patient update(UserSession session, long patientId, long expectedVersion, PatientDraft draft) {
        guard.require(session, Permission.PATIENT_REGISTER);
        validate(draft);
        return db.inTransaction(s -> {
            Patient p = s.patients().find(patientId)
                    .orElseThrow(() -> new IllegalArgumentException("No patient with id " + patientId));
            if (p.getVersion() != expectedVersion) {
                throw new org.vitalis.store.ConcurrentChangeException(
                        "Someone else changed this patient meanwhile; reload it and try again.", null);
            }
            apply(draft, p);
            p.markUpdated(session.username(), clock.instant());
            Patient saved = s.patients().save(p);
            audit.record(s, session.actor(), AuditAction.PATIENT_UPDATE, "patient", String.valueOf(patientId), null);
            return saved;
        });
    }

    public long count(UserSession session) {
        guard.require(session, Permission.PATIENT_READ);
        return db.inTransaction(s -> s.patients().count());
    }

    private void validate(PatientDraft d) {
        List<PatientValidationException.Problem> problems = new ArrayList<>();
        if (blank(d.givenName())) {
            problems.add(new PatientValidationException.Problem("givenName", "Given name is required."));
        }
        if (blank(d.familyName())) {
            problems.add(new PatientValidationException.Problem("familyName", "Family name is required."));
        }
        checkLength(problems, "givenName", d.givenName(), 100);
        checkLength(problems, "familyName", d.familyName(), 100);
        checkLength(problems, "givenNameArabic", d.givenNameArabic(), 100);
        checkLength(problems, "familyNameArabic", d.familyNameArabic(), 100);
        checkLength(problems, "address", d.address(), 500);
        checkLength(problems, "notes", d.notes(), 4000);
        LocalDate today = LocalDate.now(clock);
        if (d.birthDate() == null) {
            problems.add(new PatientValidationException.Problem("birthDate", "Date of birth is required."));
        } else if (d.birthDate().isAfter(today)) {
            problems.add(new PatientValidationException.Problem("birthDate", "Date of birth lies in the future."));
        } else if (d.birthDate().isBefore(EARLIEST_BIRTH)) {
            problems.add(new PatientValidationException.Problem("birthDate", "Date of birth is before 1900."));
        }
        if (!blank(d.phone()) && !PHONE.matcher(d.phone().strip()).matches()) {
            problems.add(new PatientValidationException.Problem("phone",
                    "Phone may hold digits, spaces, + ( ) - and dots, 4 to 31 characters."));
        }
        if (!blank(d.email()) && !EMAIL.matcher(d.email().strip()).matches()) {
            problems.add(new PatientValidationException.Problem("email", "E-mail address is not valid."));
        }
        if (d.photo() != null && d.photo().length > Patient.MAX_PHOTO_BYTES) {
            problems.add(new PatientValidationException.Problem("photo", "The photo is larger than 1 MB."));
        }
        for (var c : d.emergencyContacts()) {
            if (blank(c.name()) || blank(c.phone())) {
                problems.add(new PatientValidationException.Problem("emergencyContacts",
                        "Each emergency contact needs a name and a phone number."));
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new PatientValidationException(problems);
        }
    }

    private static void checkLength(List<PatientValidationException.Problem> problems, String field, String v, int max) {
        if (v != null && v.strip().length() > max) {
            problems.add(new PatientValidationException.Problem(field, field + " has more than " + max + " characters."));
        }
    }

    private static void apply(PatientDraft d, Patient p) {
        p.setGivenName(d.givenName().strip());
        p.setFamilyName(d.familyName().strip());
        p.setGivenNameArabic(trimToNull(d.givenNameArabic()));
        p.setFamilyNameArabic(trimToNull(d.familyNameArabic()));
        p.setBirthDate(d.birthDate());
        p.setSex(d.sex());
        p.setPhone(trimToNull(d.phone()));
        p.setEmail(trimToNull(d.email()));
        p.setAddress(trimToNull(d.address()));
        p.setPhoto(d.photo());
        p.setNotes(trimToNull(d.notes()));
        p.getEmergencyContacts().clear();
        p.getEmergencyContacts().addAll(d.emergencyContacts());
        p.getIdentifiers().clear();
        p.getIdentifiers().addAll(d.identifiers());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}

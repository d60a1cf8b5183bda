package org.vitalis.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.vitalis.domain.Patient;
import org.vitalis.domain.PatientSummary;
import org.vitalis.domain.Sex;

/** Patients and their search words, kept in step in the same transaction. */
public final class PatientRepository {
    private static final String SUMMARY_COLUMNS =
            "p.id, p.mrn, p.given_name, p.family_name, p.given_name_ar, p.family_name_ar, p.birth_date, p.sex, p.phone";

    private final Session session;
    private final DatabaseConfig.Kind kind;

    PatientRepository(Session session, DatabaseConfig.Kind kind) {
        this.session = session;
        this.kind = kind;
    }

    /** The next number from the MRN sequence; numbers are never reused. */
    public long nextMrnNumber() {
        String sql = kind == DatabaseConfig.Kind.H2 ? "select next value for mrn_seq" : "select nextval('mrn_seq')";
        return ((Number) session.createNativeQuery(sql, Long.class).getSingleResult()).longValue();
    }

    public Patient save(Patient patient) {
        Patient saved = patient.getId() == null ? persist(patient) : session.merge(patient);
        session.flush();
        reindex(saved);
        return saved;
    }

    private Patient persist(Patient patient) {
        session.persist(patient);
        return patient;
    }

    public Optional<Patient> find(long id) {
        return Optional.ofNullable(session.find(Patient.class, id));
    }

    public Optional<Patient> findByMrn(String mrn) {
        return session.createSelectionQuery("from Patient where mrn = :mrn", Patient.class)
                .setParameter("mrn", mrn).uniqueResultOptional();
    }

    public long count() {
        return session.createSelectionQuery("select count(*) from Patient", Long.class).getSingleResult();
    }

    private void reindex(Patient p) {
        session.createNativeMutationQuery("delete from patient_search_token where patient_id = :id")
                .setParameter("id", p.getId()).executeUpdate();
        Set<String> tokens = new LinkedHashSet<>();
        tokens.addAll(SearchTokens.words(p.getGivenName()));
        tokens.addAll(SearchTokens.words(p.getFamilyName()));
        tokens.addAll(SearchTokens.words(p.getGivenNameArabic()));
        tokens.addAll(SearchTokens.words(p.getFamilyNameArabic()));
        tokens.add(SearchTokens.fold(p.getMrn()));
        String phone = SearchTokens.phoneDigits(p.getPhone());
        if (!phone.isEmpty()) {
            tokens.add(phone);
            // People type local numbers without the country code: index the last nine digits too.
            if (phone.length() > 9) {
                tokens.add(phone.substring(phone.length() - 9));
            }
        }
        tokens.add(p.getBirthDate().toString());
        for (String token : tokens) {
            session.createNativeMutationQuery("insert into patient_search_token (patient_id, token) values (:id, :t)")
                    .setParameter("id", p.getId()).setParameter("t", token).executeUpdate();
        }
    }

    /**
     * Patients having, for every term, a search word that starts with it. The longest term walks
     * the token index in order, so the query stops after {@code limit} hits however many
     * patients there are; the other terms filter those hits.
     */
    public List<PatientSummary> search(List<String> foldedTerms, int limit) {
        if (foldedTerms.isEmpty()) {
            return List.of();
        }
        List<String> terms = new ArrayList<>(foldedTerms);
        terms.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder sql = new StringBuilder("select distinct t0.patient_id, t0.token from patient_search_token t0");
        sql.append(" where t0.token >= :lo0 and t0.token < :hi0");
        for (int i = 1; i < terms.size(); i++) {
            sql.append(" and exists (select 1 from patient_search_token t").append(i)
                    .append(" where t").append(i).append(".patient_id = t0.patient_id and t").append(i)
                    .append(".token >= :lo").append(i).append(" and t").append(i).append(".token < :hi").append(i).append(')');
        }
        sql.append(" order by t0.token, t0.patient_id");
        var query = session.createNativeQuery(sql.toString(), Object[].class);
        for (int i = 0; i < terms.size(); i++) {
            query.setParameter("lo" + i, terms.get(i));
            query.setParameter("hi" + i, upperBound(terms.get(i)));
        }
        // One patient can match through two words: fetch a few extra rows, then keep distinct ids.
        List<Object[]> rows = query.setMaxResults(limit * 3).getResultList();
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        for (Object[] row : rows) {
            ids.add(((Number) row[0]).longValue());
            if (ids.size() == limit) {
                break;
            }
        }
        return summaries(List.copyOf(ids));
    }

    /** Range end for a prefix: the prefix with its last character moved one up; avoids LIKE escaping. */
    private static String upperBound(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    public List<PatientSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = session.createNativeQuery(
                "select " + SUMMARY_COLUMNS + " from patient p where p.id in (:ids)", Object[].class)
                .setParameterList("ids", ids).getResultList();
        List<PatientSummary> out = new ArrayList<>();
        for (Long id : ids) {
            for (Object[] r : rows) {
                if (((Number) r[0]).longValue() == id) {
                    out.add(toSummary(r));
                }
            }
        }
        return out;
    }

    /** Registered patients with the same folded name and birth date, or the same phone digits. */
    public List<PatientSummary> possibleDuplicates(String givenName, String familyName, LocalDate birthDate, String phone) {
        List<Long> ids = new ArrayList<>();
        Set<String> nameWords = new LinkedHashSet<>(SearchTokens.words(givenName));
        nameWords.addAll(SearchTokens.words(familyName));
        if (!nameWords.isEmpty() && birthDate != null) {
            StringBuilder sql = new StringBuilder("select p.id from patient p where p.birth_date = :dob");
            int i = 0;
            for (String ignored : nameWords) {
                sql.append(" and exists (select 1 from patient_search_token t where t.patient_id = p.id and t.token = :w")
                        .append(i++).append(')');
            }
            var q = session.createNativeQuery(sql.toString(), Long.class).setParameter("dob", birthDate);
            i = 0;
            for (String w : nameWords) {
                q.setParameter("w" + i++, w);
            }
            ids.addAll(q.setMaxResults(20).getResultList());
        }
        String digits = SearchTokens.phoneDigits(phone);
        if (digits.length() >= 6) {
            for (Long id : session.createNativeQuery(
                    "select patient_id from patient_search_token where token = :t", Long.class)
                    .setParameter("t", digits).setMaxResults(20).getResultList()) {
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return summaries(ids);
    }

    private static PatientSummary toSummary(Object[] r) {
        Object dob = r[6];
        LocalDate birthDate = dob instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) dob;
        return new PatientSummary(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], birthDate, Sex.valueOf((String) r[7]), (String) r[8]);
    }
}

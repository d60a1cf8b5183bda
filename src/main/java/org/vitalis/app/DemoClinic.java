package org.vitalis.app;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitalis.domain.EmergencyContact;
import org.vitalis.domain.ExternalIdentifier;
import org.vitalis.domain.Patient;
import org.vitalis.domain.Role;
import org.vitalis.domain.Sex;
import org.vitalis.domain.VitalSign;
import org.vitalis.registry.PatientDraft;
import org.vitalis.registry.VitalsEntry;
import org.vitalis.security.LoginFailedException;
import org.vitalis.security.UserSession;

/**
 * The demo clinic: one account per role and about 200 synthetic patients with months of vitals.
 * Every name, number and reading is made up from a fixed seed, so every demo looks the same.
 * Seeding goes through the real services, so the demo's audit trail is a real one.
 */
final class DemoClinic {
    private static final Logger LOG = LoggerFactory.getLogger(DemoClinic.class);
    static final int PATIENTS = 200;
    private static final long SEED = 20261124L;

    record Account(String username, String displayName, Role role, String password) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("admin", "Demo Administrator", Role.ADMIN, "admin-demo-2026"),
            new Account("doctor", "Dr. Layla Haddad", Role.DOCTOR, "doctor-demo-2026"),
            new Account("nurse", "Nurse Omar Khalil", Role.NURSE, "nurse-demo-2026"));

    private record Name(String latin, String arabic) {
    }

    private static final Name[] FEMALE = {
        new Name("Layla", "ليلى"), new Name("Fatima", "فاطمة"), new Name("Mariam", "مريم"), new Name("Nour", "نور"),
        new Name("Huda", "هدى"), new Name("Salma", "سلمى"), new Name("Rania", "رانيا"), new Name("Amal", "أمل"),
        new Name("Yasmin", "ياسمين"), new Name("Dina", "دينا"), new Name("Lina", "لينا"), new Name("Reem", "ريم"),
        new Name("Hiba", "هبة"), new Name("Aisha", "عائشة"), new Name("Zeinab", "زينب"), new Name("Rasha", "رشا")};
    private static final Name[] MALE = {
        new Name("Omar", "عمر"), new Name("Ahmad", "أحمد"), new Name("Khaled", "خالد"), new Name("Yousef", "يوسف"),
        new Name("Samir", "سمير"), new Name("Tarek", "طارق"), new Name("Hassan", "حسن"), new Name("Ibrahim", "إبراهيم"),
        new Name("Karim", "كريم"), new Name("Majid", "ماجد"), new Name("Nabil", "نبيل"), new Name("Rami", "رامي"),
        new Name("Walid", "وليد"), new Name("Ziad", "زياد"), new Name("Fadi", "فادي"), new Name("Bassam", "بسام")};
    private static final Name[] FAMILY = {
        new Name("Haddad", "حداد"), new Name("Khalil", "خليل"), new Name("Nasser", "ناصر"), new Name("Saleh", "صالح"),
        new Name("Mansour", "منصور"), new Name("Aziz", "عزيز"), new Name("Hamdan", "حمدان"), new Name("Darwish", "درويش"),
        new Name("Qasim", "قاسم"), new Name("Barakat", "بركات"), new Name("Najjar", "نجار"), new Name("Shami", "شامي"),
        new Name("Khoury", "خوري"), new Name("Masri", "مصري"), new Name("Hakim", "حكيم"), new Name("Tamimi", "تميمي")};
    /** Patients without an Arabic-script name, with accents that search must fold. */
    private static final String[][] INTERNATIONAL = {
        {"Zoë", "Müller", "F"}, {"José", "García", "M"}, {"Chloé", "Lefèvre", "F"}, {"Björn", "Åström", "M"},
        {"Ana", "Sánchez", "F"}, {"Łukasz", "Nowak", "M"}, {"Emma", "O'Brien", "F"}, {"Mehmet", "Yılmaz", "M"}};
    private static final String[] STREETS = {"Al-Rashid St", "Baghdad St", "Corniche Rd", "Palestine St", "Al-Thawra St"};
    private static final String[] CITIES = {"Damascus", "Amman", "Beirut", "Aleppo", "Irbid", "Homs"};
    private static final String[] FEMALE_RELATIONS = {"spouse", "daughter", "mother", "sister"};
    private static final String[] MALE_RELATIONS = {"spouse", "son", "father", "brother"};

    private DemoClinic() {
    }

    static boolean needsSeeding(Station station) {
        return station.auth.needsFirstAdmin();
    }

    /** Creates the accounts, patients and vitals; progress goes from 0 to 1. */
    static void seed(Station station, DoubleConsumer progress) throws LoginFailedException {
        long started = System.nanoTime();
        Account admin = ACCOUNTS.get(0);
        UserSession adminSession = station.auth.createFirstAdmin(admin.username(), admin.displayName(),
                admin.password().toCharArray());
        for (Account a : ACCOUNTS.subList(1, ACCOUNTS.size())) {
            station.users.create(adminSession, a.username(), a.displayName(), a.role(), a.password().toCharArray());
        }
        station.auth.logout(adminSession);
        Account nurseAccount = ACCOUNTS.get(2);
        UserSession nurse = station.auth.login(nurseAccount.username(), nurseAccount.password().toCharArray());
        Random rnd = new Random(SEED);
        Instant now = station.clock.instant();
        int entries = 0;
        for (int i = 0; i < PATIENTS; i++) {
            Patient p = station.patients.register(nurse, draft(rnd, i, LocalDate.now(station.clock)));
            for (VitalsEntry e : history(rnd, p, now)) {
                station.vitals.record(nurse, p.getId(), e);
                entries++;
            }
            progress.accept((i + 1) / (double) PATIENTS);
        }
        station.auth.logout(nurse);
        LOG.info("Demo clinic created: {} patients, {} vitals entries in {} ms", PATIENTS, entries,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static PatientDraft draft(Random rnd, int i, LocalDate today) {
        LocalDate dob = today.minusYears(2 + rnd.nextInt(85)).minusDays(rnd.nextInt(365));
        String given;
        String family;
        String givenAr = null;
        String familyAr = null;
        Sex sex;
        if (i % 12 == 11) {
            String[] n = INTERNATIONAL[rnd.nextInt(INTERNATIONAL.length)];
            given = n[0];
            family = n[1];
            sex = n[2].equals("F") ? Sex.FEMALE : Sex.MALE;
        } else {
            sex = rnd.nextBoolean() ? Sex.FEMALE : Sex.MALE;
            Name g = (sex == Sex.FEMALE ? FEMALE : MALE)[rnd.nextInt(16)];
            Name f = FAMILY[rnd.nextInt(FAMILY.length)];
            given = g.latin();
            family = f.latin();
            givenAr = g.arabic();
            familyAr = f.arabic();
        }
        String phone = String.format("+962 7%d %03d %04d", 7 + rnd.nextInt(3), rnd.nextInt(1000), i * 37 % 10000);
        String email = i % 3 == 0 ? null
                : (given + "." + family).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.]", "") + i + "@example.org";
        String address = (10 + rnd.nextInt(180)) + " " + STREETS[rnd.nextInt(STREETS.length)] + ", "
                + CITIES[rnd.nextInt(CITIES.length)];
        List<EmergencyContact> contacts = new ArrayList<>();
        if (i % 4 != 3) {
            boolean female = rnd.nextBoolean();
            Name c = (female ? FEMALE : MALE)[rnd.nextInt(16)];
            String[] relations = female ? FEMALE_RELATIONS : MALE_RELATIONS;
            contacts.add(new EmergencyContact(c.latin() + " " + family, relations[rnd.nextInt(relations.length)],
                    String.format("+962 79 %03d %04d", rnd.nextInt(1000), rnd.nextInt(10000))));
        }
        List<ExternalIdentifier> ids = i % 5 == 0 ? List.of() : List.of(new ExternalIdentifier("national-id",
                String.format("%010d", 9_000_000_000L + i * 7919L)));
        return new PatientDraft(given, family, givenAr, familyAr, dob, sex, phone, email, address, null, null,
                contacts, ids);
    }

    /**
     * Three to ten visits over the last six months around a per-patient baseline; about one
     * patient in four is hypertensive and a few have low oxygen saturation, so flags appear.
     */
    private static List<VitalsEntry> history(Random rnd, Patient p, Instant now) {
        int age = (int) ChronoUnit.YEARS.between(p.getBirthDate(), LocalDate.now());
        boolean child = age < 16;
        boolean hypertensive = !child && rnd.nextInt(4) == 0;
        boolean lowSat = !child && rnd.nextInt(15) == 0;
        double sys = hypertensive ? 145 + rnd.nextInt(25) : 108 + rnd.nextInt(20);
        double dia = hypertensive ? 88 + rnd.nextInt(12) : 66 + rnd.nextInt(14);
        double hr = child ? 85 + rnd.nextInt(25) : 62 + rnd.nextInt(25);
        double spo2 = lowSat ? 92 : 97 + rnd.nextInt(3);
        double height = child ? 85 + age * 6.0 + rnd.nextInt(8) : (p.getSex() == Sex.FEMALE ? 156 : 168) + rnd.nextInt(18);
        double weight = child ? 12 + age * 3.0 + rnd.nextInt(5) : (height - 100) * (0.85 + rnd.nextDouble() * 0.5);
        int visits = 3 + rnd.nextInt(8);
        List<VitalsEntry> out = new ArrayList<>();
        for (int v = 0; v < visits; v++) {
            long daysAgo = 182 - (long) v * 182 / visits - rnd.nextInt(7);
            Instant taken = now.minus(Duration.ofDays(Math.max(daysAgo, 1))).truncatedTo(ChronoUnit.HOURS)
                    .plus(Duration.ofMinutes(rnd.nextInt(8 * 60)));
            Map<VitalSign, BigDecimal> values = new EnumMap<>(VitalSign.class);
            values.put(VitalSign.SYSTOLIC_BP, whole(sys + rnd.nextGaussian() * 7));
            values.put(VitalSign.DIASTOLIC_BP, whole(dia + rnd.nextGaussian() * 5));
            values.put(VitalSign.HEART_RATE, whole(hr + rnd.nextGaussian() * 6));
            values.put(VitalSign.SPO2, whole(Math.min(100, spo2 + rnd.nextGaussian())));
            values.put(VitalSign.BODY_TEMPERATURE, tenth(36.7 + rnd.nextGaussian() * 0.35));
            values.put(VitalSign.RESPIRATORY_RATE, whole((child ? 22 : 15) + rnd.nextGaussian() * 2));
            values.put(VitalSign.BODY_WEIGHT, tenth(weight + rnd.nextGaussian() * 0.8));
            if (v == 0) {
                values.put(VitalSign.BODY_HEIGHT, tenth(height));
            }
            out.add(new VitalsEntry(taken, values, null));
        }
        return out;
    }

    private static BigDecimal whole(double v) {
        return BigDecimal.valueOf(Math.round(v));
    }

    private static BigDecimal tenth(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP);
    }
}

package org.vitalis.registry;

/**
 * Medical record numbers: a sequence number followed by a Luhn check digit (ISO/IEC 7812-1), so a
 * mistyped or misread MRN is caught before it opens the wrong chart.
 */
public final class Mrn {
    private Mrn() {
    }

    public static String of(long sequenceNumber) {
        String digits = Long.toString(sequenceNumber);
        return digits + luhnDigit(digits);
    }

    public static boolean isValid(String mrn) {
        if (mrn == null || mrn.length() < 2 || !mrn.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return luhnDigit(mrn.substring(0, mrn.length() - 1)) == mrn.charAt(mrn.length() - 1) - '0';
    }

    static int luhnDigit(String digits) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}

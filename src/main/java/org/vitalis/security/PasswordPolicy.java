package org.vitalis.security;

/** NIST SP 800-63B §5.1.1: at least 8 characters, no composition rules, long passphrases allowed. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static void check(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new IllegalArgumentException("The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (password.length > MAX_LENGTH) {
            throw new IllegalArgumentException("The password may have at most " + MAX_LENGTH + " characters.");
        }
    }
}

package org.vitalis.security;

import java.util.regex.Pattern;

/** What a user name and display name may be; checked before anything is stored. */
final class UserValidation {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,50}");

    private UserValidation() {
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username.strip()).matches()) {
            throw new IllegalArgumentException(
                    "A user name has 2 to 50 characters: letters, digits, dot, underscore or hyphen.");
        }
    }

    static void checkDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 100) {
            throw new IllegalArgumentException("A display name is required (at most 100 characters).");
        }
    }
}

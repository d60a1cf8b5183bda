package org.vitalis.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreArgon2idWithOwaspParametersAndASaltEach() {
        String a = hasher.hash("correct horse battery".toCharArray());
        String b = hasher.hash("correct horse battery".toCharArray());
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(a).isNotEqualTo(b);
        assertThat(hasher.verify("correct horse battery".toCharArray(), a)).isTrue();
        assertThat(hasher.verify("correct horse batterY".toCharArray(), a)).isFalse();
    }

    /** The reference implementation's output (argon2 CLI, phc-winner-argon2) for password "password", salt "somesalt". */
    @Test
    void verifiesAHashMadeByTheReferenceImplementation() {
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(hasher.verify("password".toCharArray(), reference)).isTrue();
        assertThat(hasher.verify("Password".toCharArray(), reference)).isFalse();
    }

    @Test
    void malformedStoredHashesNeverVerify() {
        for (String bad : new String[] {null, "", "plain", "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$abc",
                "$argon2id$v=19$m=x,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$v=19$m=19456,t=2,p=1$!!!$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$AA"}) {
            assertThat(hasher.verify("password".toCharArray(), bad)).isFalse();
        }
    }
}

package org.vitalis.security;

import java.time.Instant;

/** A refused login. The reason is for the screen; it never says whether the user name exists. */
public class LoginFailedException extends Exception {
    public enum Reason {
        BAD_CREDENTIALS,
        LOCKED_OUT,
        DISABLED
    }

    private final Reason reason;
    private final Instant lockedUntil;

    public LoginFailedException(Reason reason, Instant lockedUntil) {
        super(switch (reason) {
            case BAD_CREDENTIALS -> "Wrong user name or password";
            case LOCKED_OUT -> "Account locked after repeated failed logins until " + lockedUntil;
            case DISABLED -> "Account disabled; ask an administrator";
        });
        this.reason = reason;
        this.lockedUntil = lockedUntil;
    }

    public Reason reason() {
        return reason;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}

package org.vitalis.ui.common;

import org.vitalis.security.AccessDeniedException;

/** Turns a failure into a sentence for the user; the services' own messages are already written for people. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String of(Throwable t, Messages m) {
        if (t instanceof AccessDeniedException denied) {
            return m.get("error.accessDenied", m.get("permission." + denied.permission().name()));
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            return m.get("error.unexpected", t.getClass().getSimpleName());
        }
        return msg;
    }
}

package org.vitalis.app;

import org.vitalis.security.Actor;

/** Who a command-line run is audited as: the operating-system user, marked as such, at this workstation. */
final class CommandActor {
    private CommandActor() {
    }

    static Actor of(AppConfig config) {
        String user = "os:" + System.getProperty("user.name", "unknown");
        return new Actor(user.length() > 50 ? user.substring(0, 50) : user, config.workstation());
    }
}

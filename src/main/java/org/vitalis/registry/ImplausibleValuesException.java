package org.vitalis.registry;

import java.util.List;
import org.vitalis.care.alert.Violation;

/** An entry was refused and nothing of it was stored; every reason is listed. */
public class ImplausibleValuesException extends IllegalArgumentException {
    private final List<Violation> violations;

    public ImplausibleValuesException(List<Violation> violations) {
        super(String.join(" ", violations.stream().map(Violation::message).toList()));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}

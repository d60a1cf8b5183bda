package org.vitalis.registry;

import java.util.List;

/** A draft was refused; each problem names the field and says what is wrong. */
public class PatientValidationException extends IllegalArgumentException {
    public record Problem(String field, String message) {
    }

    private final List<Problem> problems;

    public PatientValidationException(List<Problem> problems) {
        super(String.join(" ", problems.stream().map(Problem::message).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

package io.tousu.platform.problem;

import java.util.List;

/**
 * Well-formed input that the domain refuses as it is (a reply with forbidden phrases, say),
 * with what was found; answered as 422 problem+json of the given problem type.
 */
public class UnprocessableException extends RuntimeException {
    private final String type;
    private final transient List<FieldError> errors;

    public UnprocessableException(String type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public String type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}

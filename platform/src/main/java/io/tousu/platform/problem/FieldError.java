package io.tousu.platform.problem;

/** One thing wrong with one field of a request; {@code field} is a JSON path like {@code customer.phone}. */
public record FieldError(String field, String message) {
}

package io.tousu.reporting.search;

import io.tousu.platform.problem.PhoneMask;

/** What a reader without {@code supervisor} sees of a customer: 138****8000, 张*. */
public final class Masking {
    private Masking() {
    }

    public static String phone(String phone) {
        return PhoneMask.mask(phone);
    }

    /** The family name (the first character) and a star for each other character. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }
}

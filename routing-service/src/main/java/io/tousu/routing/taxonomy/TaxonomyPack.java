package io.tousu.routing.taxonomy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One industry's categories and the department each belongs to. Plain data and lookups,
 * checked when loaded so that a broken policy file stops the service at start, not at 3 a.m.
 */
public final class TaxonomyPack {
    private final String name;
    private final String defaultDepartment;
    private final Map<String, Category> categories = new LinkedHashMap<>();

    public TaxonomyPack(String name, String defaultDepartment, List<Category> categories, List<String> departments) {
        this.name = name;
        this.defaultDepartment = defaultDepartment;
        categories.forEach(c -> this.categories.put(c.code(), c));
        if (!departments.contains(defaultDepartment)) {
            throw new IllegalArgumentException("default department " + defaultDepartment + " is not a department");
        }
        for (Category c : categories) {
            if (c.parent() != null && !this.categories.containsKey(c.parent())) {
                throw new IllegalArgumentException(c.code() + " names an unknown parent " + c.parent());
            }
            String dept = departmentOf(c);
            if (dept == null || !departments.contains(dept)) {
                throw new IllegalArgumentException(c.code() + " maps to no known department");
            }
        }
    }

    public String name() {
        return name;
    }

    /** Every category, sub-categories with the department they inherit. */
    public List<Category> categories() {
        return categories.values().stream()
                .map(c -> new Category(c.code(), c.nameZh(), c.nameEn(), c.parent(), departmentOf(c)))
                .toList();
    }

    public Optional<Category> category(String code) {
        return Optional.ofNullable(code).map(categories::get);
    }

    /** The department for a category code; unknown or missing codes go to the default (triage) department. */
    public String departmentFor(String code) {
        return category(code).map(this::departmentOf).orElse(defaultDepartment);
    }

    public boolean isCategory(String code) {
        return code != null && categories.containsKey(code);
    }

    /** True when {@code code} is {@code ancestor} or lies below it. */
    public boolean isWithin(String code, String ancestor) {
        for (Category at = categories.get(code); at != null; at = at.parent() == null ? null : categories.get(at.parent())) {
            if (at.code().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    public String defaultDepartment() {
        return defaultDepartment;
    }

    private String departmentOf(Category c) {
        Category at = c;
        while (at.department() == null && at.parent() != null) {
            at = categories.get(at.parent());
        }
        return at.department();
    }
}

package io.tousu.platform.jdbc;

import jakarta.persistence.Column;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns Hibernate maps for an entity's own public instance fields, by {@code @Column} name
 * or in snake case: what a {@link BatchInsert} written next to the entity must list, so that
 * tests can fail when a field is added to one and not the other.
 */
public final class MappedColumns {
    private MappedColumns() {
    }

    public static Set<String> of(Class<?> entity) {
        return Arrays.stream(entity.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers()))
                .map(MappedColumns::column)
                .collect(Collectors.toSet());
    }

    private static String column(Field field) {
        Column column = field.getAnnotation(Column.class);
        if (column != null && !column.name().isEmpty()) {
            return column.name();
        }
        return field.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }
}

package io.tousu.routing.routing;

import io.tousu.platform.jdbc.BatchInsert;
import io.tousu.routing.complaint.RoutedComplaint;
import io.tousu.routing.workorder.WorkOrder;
import jakarta.persistence.Column;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dispatch batch inserts its complaints and work orders in JDBC batches, by column lists written
 * next to the entities: a field added to an entity must be added there too.
 */
class BulkInsertColumnsTest {
    @Test
    void routedComplaintRowsCarryEveryMappedColumn() {
        assertThat(RoutedComplaint.newRows().columns()).containsExactlyInAnyOrderElementsOf(mappedColumns(RoutedComplaint.class));
    }

    @Test
    void workOrderRowsCarryEveryMappedColumn() {
        assertThat(WorkOrder.newRows().columns()).containsExactlyInAnyOrderElementsOf(mappedColumns(WorkOrder.class));
    }

    @Test
    void eachRowHasAValueForEachColumn() {
        BatchInsert rows = WorkOrder.newRows();
        new WorkOrder().addTo(rows);
        BatchInsert complaints = RoutedComplaint.newRows();
        new RoutedComplaint().addTo(complaints);
        assertThat(rows.size()).isEqualTo(1);
        assertThat(complaints.size()).isEqualTo(1);
    }

    /** The columns Hibernate maps: the entity's own instance fields, by @Column name or in snake case. */
    private static Set<String> mappedColumns(Class<?> entity) {
        return Arrays.stream(entity.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers()))
                .map(BulkInsertColumnsTest::column)
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

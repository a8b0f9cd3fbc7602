package io.tousu.routing.dispatch;

import io.tousu.platform.jdbc.BatchInsert;
import io.tousu.platform.jdbc.MappedColumns;
import io.tousu.routing.complaint.RoutedComplaint;
import io.tousu.routing.workorder.WorkOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dispatch batch inserts its complaints and work orders in JDBC batches, by column lists written
 * next to the entities: a field added to an entity must be added there too.
 */
class BulkInsertColumnsTest {
    @Test
    void routedComplaintRowsCarryEveryMappedColumn() {
        assertThat(RoutedComplaint.newRows().columns()).containsExactlyInAnyOrderElementsOf(MappedColumns.of(RoutedComplaint.class));
    }

    @Test
    void workOrderRowsCarryEveryMappedColumn() {
        assertThat(WorkOrder.newRows().columns()).containsExactlyInAnyOrderElementsOf(MappedColumns.of(WorkOrder.class));
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
}

package io.tousu.intake.complaint;

import io.tousu.platform.jdbc.BatchInsert;
import io.tousu.platform.jdbc.MappedColumns;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Complaints are inserted in JDBC batches by a column list next to the entity: a new field needs it too. */
class ComplaintRowsTest {
    @Test
    void complaintRowsCarryEveryMappedColumn() {
        assertThat(Complaint.newRows().columns()).containsExactlyInAnyOrderElementsOf(MappedColumns.of(Complaint.class));
    }

    @Test
    void eachComplaintHasAValueForEachColumn() {
        BatchInsert rows = Complaint.newRows();
        new Complaint().addTo(rows);
        assertThat(rows.size()).isEqualTo(1);
    }
}

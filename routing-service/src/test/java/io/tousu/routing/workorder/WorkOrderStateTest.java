package io.tousu.routing.workorder;

import io.tousu.platform.problem.StateConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkOrderStateTest {
    private static final WorkOrderResult RESULT = new WorkOrderResult("RESOLVED", "已处理", "COMPANY", null, null, null);
    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

    private static WorkOrder open() {
        WorkOrder o = new WorkOrder();
        o.status = WorkOrderStatus.OPEN;
        return o;
    }

    @Test
    void openAcceptedDone() {
        WorkOrder o = open();
        o.accept("王五", NOW);
        o.complete(RESULT, NOW);
        assertThat(o.status).isEqualTo(WorkOrderStatus.DONE);
        assertThat(o.result).isEqualTo(RESULT);
    }

    @Test
    void onlyAnAcceptedOrderCanBeAnsweredAndOnlyAnActiveOneReturned() {
        assertThatThrownBy(() -> open().complete(RESULT, NOW)).isInstanceOf(StateConflictException.class);
        WorkOrder done = open();
        done.accept("王五", NOW);
        done.complete(RESULT, NOW);
        assertThatThrownBy(() -> done.returnToRouting("错派", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> done.accept("赵六", NOW)).isInstanceOf(StateConflictException.class);
        WorkOrder returned = open();
        returned.returnToRouting("错派", NOW);
        assertThat(returned.status).isEqualTo(WorkOrderStatus.RETURNED);
        assertThatThrownBy(() -> returned.escalateTo(3, NOW)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void anIncidentResultClosesAnOrderThatWasNeverAccepted() {
        WorkOrder o = open();
        o.closeWithIncidentResult(RESULT, NOW);
        assertThat(o.status).isEqualTo(WorkOrderStatus.DONE);
    }
}

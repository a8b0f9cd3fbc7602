package io.tousu.intake.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.intake.complaint.ComplaintStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineRulesTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aResultMovesTheComplaintAndSaysWhatWasDone() throws Exception {
        TimelineRules.Step step = TimelineRules.step("WorkOrderResultSubmitted",
                mapper.readTree("{\"outcome\":\"RESOLVED\",\"resolution\":\"已退还信息费20元\"}")).orElseThrow();
        assertThat(step.status()).isEqualTo(ComplaintStatus.RESULT_RETURNED);
        assertThat(step.detail()).isEqualTo("RESOLVED: 已退还信息费20元");
    }

    @Test
    void aReturnAddsALineWithoutChangingTheStatusAndUnknownEventsAddNothing() throws Exception {
        assertThat(TimelineRules.step("WorkOrderReturned", mapper.readTree("{\"department\":\"network\",\"reason\":\"非本部门\"}"))
                .orElseThrow().status()).isNull();
        assertThat(TimelineRules.step("SomethingNew", mapper.readTree("{}"))).isEmpty();
    }
}

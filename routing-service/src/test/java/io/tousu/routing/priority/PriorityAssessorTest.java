package io.tousu.routing.priority;

import io.tousu.routing.complaint.ReceivedComplaint;
import io.tousu.routing.workorder.Priority;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityAssessorTest {
    private final PriorityAssessor assessor = new PriorityAssessor(List.of("工信部", "曝光", "律师"));

    private static ReceivedComplaint complaint(String channel, boolean vip, String description,
                                               ReceivedComplaint.Referral referral) {
        return new ReceivedComplaint(UUID.randomUUID(), "TS1", channel, "COMPLAINT", OffsetDateTime.now(),
                new ReceivedComplaint.Customer("C1", "张三", "13800138000", vip, "PHONE"), null, "北京", null, "话费",
                description, false, referral, null);
    }

    @Test
    void anOrdinaryComplaintIsNormalWithNoReasons() {
        var a = assessor.assess(complaint("HOTLINE", false, "话费多扣了", null), false, null);
        assertThat(a.priority()).isEqualTo(Priority.NORMAL);
        assertThat(a.reasons()).isEmpty();
    }

    @Test
    void referralsAndTheirChannelsAreUrgent() {
        var a = assessor.assess(complaint("REGULATOR", false, "", new ReceivedComplaint.Referral("MIIT", "GXB-1", null)),
                false, null);
        assertThat(a.priority()).isEqualTo(Priority.URGENT);
        assertThat(a.reasons()).containsExactly("CHANNEL:REGULATOR", "REFERRAL:MIIT");
        assertThat(assessor.assess(complaint("MEDIA", false, "", null), false, null).priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void vipRepeatAndEscalationWordingAreHighWithEveryReason() {
        var a = assessor.assess(complaint("APP", true, "不解决就找律师,还要去工信部", null), true, null);
        assertThat(a.priority()).isEqualTo(Priority.HIGH);
        assertThat(a.reasons()).containsExactly("VIP", "REPEAT", "WORDING:工信部", "WORDING:律师");
    }

    @Test
    void aRuleFloorRaisesButNeverLowersAndIsNamedOnlyWhenItRaised() {
        var raised = assessor.assess(complaint("APP", false, "", null), false,
                new PriorityAssessor.RuleFloor("fraud-report", Priority.HIGH));
        assertThat(raised.priority()).isEqualTo(Priority.HIGH);
        assertThat(raised.reasons()).containsExactly("RULE:fraud-report");
        var kept = assessor.assess(complaint("MEDIA", false, "", null), false,
                new PriorityAssessor.RuleFloor("fraud-report", Priority.HIGH));
        assertThat(kept.priority()).isEqualTo(Priority.URGENT);
        assertThat(kept.reasons()).containsExactly("CHANNEL:MEDIA");
    }
}

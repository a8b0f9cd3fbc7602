package io.tousu.routing.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tousu.routing.complaint.ReceivedComplaint;
import io.tousu.routing.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The packs' incident policies: only faults of a place cluster, and who keeps an order of their own. */
class IncidentPolicyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private static IncidentPolicy pack(String name) {
        return IncidentPolicy.load(MAPPER, name, new Taxonomy(MAPPER, name).pack());
    }

    private static Optional<String> family(IncidentPolicy policy, String category) {
        return policy.familyOf(category).map(IncidentPolicy.Family::name);
    }

    @Test
    void telecomOutagesClusterAndBillsAttitudeAndMarketingNever() {
        IncidentPolicy telecom = pack("telecom");
        for (String outage : List.of("BASIC", "BASIC.NO_SIGNAL", "BASIC.CALL_DROP", "BASIC.DATA")) {
            assertThat(family(telecom, outage)).as(outage).contains("MOBILE_NETWORK");
        }
        assertThat(family(telecom, "OWN.BROADBAND")).contains("BROADBAND");
        assertThat(family(telecom, "ENTERPRISE.LINE")).contains("ENTERPRISE_LINE");
        for (String never : List.of("FEES.PACKAGE", "FEES.SP_CHARGE", "SERVICE.ATTITUDE", "MARKETING.PROMOTION",
                "SECURITY.FRAUD", "OWN.APP", "ENTERPRISE", "FEES")) {
            assertThat(family(telecom, never)).as(never).isEmpty();
        }
        assertThat(family(telecom, null)).isEmpty();
    }

    @Test
    void powerOutagesAndVoltageFaultsClusterAndBillsNever() {
        IncidentPolicy power = pack("power");
        assertThat(family(power, "OUTAGE.UNPLANNED")).contains("POWER_OUTAGE");
        assertThat(family(power, "OUTAGE.RESTORE_DELAY")).contains("POWER_OUTAGE");
        assertThat(family(power, "QUALITY.LOW_VOLTAGE")).contains("VOLTAGE");
        for (String never : List.of("BUSINESS.BILLING", "BUSINESS.METER", "SERVICE.ATTITUDE", "GRID.COMPENSATION",
                "QUALITY.FREQUENT_OUTAGE")) {
            assertThat(family(power, never)).as(never).isEmpty();
        }
    }

    @Test
    void eachFamilyTakesTheDefaultsUnlessItSetsItsOwn() {
        IncidentPolicy.Family network = pack("telecom").family("MOBILE_NETWORK").orElseThrow();
        assertThat(network.opensWith(4)).isFalse();
        assertThat(network.opensWith(5)).isTrue();
        assertThat(network.countsSince(Instant.parse("2026-11-22T10:00:00Z"))).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
        IncidentPolicy.Family line = pack("telecom").family("ENTERPRISE_LINE").orElseThrow();
        assertThat(line.opensWith(3)).isTrue();
        assertThat(pack("power").family("VOLTAGE").orElseThrow().window()).isEqualTo(Duration.ofMinutes(120));
    }

    @Test
    void referralsVipsRepeatsAndCompensationDemandsAnswerAlone() {
        IncidentPolicy telecom = pack("telecom");
        assertThat(telecom.answersAlone(complaint(false, null, null), false)).isEmpty();
        assertThat(telecom.answersAlone(complaint(false, null, List.of("EXPLANATION", "REPAIR")), false)).isEmpty();
        assertThat(telecom.answersAlone(complaint(false, "MIIT", null), false)).contains("REFERRAL");
        assertThat(telecom.answersAlone(complaint(true, null, null), false)).contains("VIP");
        assertThat(telecom.answersAlone(complaint(false, null, null), true)).contains("REPEAT");
        assertThat(telecom.answersAlone(complaint(false, null, List.of("REPAIR", "COMPENSATION")), false))
                .contains("COMPENSATION");
    }

    @Test
    void aFamilyOfOneComplaintOrOfAnUnknownCategoryIsRefused() {
        var taxonomy = new Taxonomy(MAPPER, "telecom").pack();
        var alone = new IncidentPolicy.AnswersAlone("", true, true, true, List.of());
        assertThatThrownBy(() -> new IncidentPolicy(List.of(new IncidentPolicy.Family("X", "x", List.of("BASIC"), 1,
                Duration.ofMinutes(60))), alone, taxonomy)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> new IncidentPolicy(List.of(new IncidentPolicy.Family("X", "x", List.of("BASIC.NOPE"), 5,
                Duration.ofMinutes(60))), alone, taxonomy)).hasMessageContaining("unknown category BASIC.NOPE");
    }

    private static ReceivedComplaint complaint(boolean vip, String referralSource, List<String> demands) {
        return new ReceivedComplaint(UUID.randomUUID(), "TS1", "HOTLINE", "COMPLAINT", OffsetDateTime.now(),
                new ReceivedComplaint.Customer("C1", "张三", "13800138000", vip, "PHONE"), null, "北京市海淀区",
                "BASIC.DATA", "上不了网", "整个小区都没网", false,
                referralSource == null ? null : new ReceivedComplaint.Referral(referralSource, "R1", null), demands);
    }
}

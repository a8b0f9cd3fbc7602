package io.tousu.routing.rules;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.local.LocalInfra;
import io.tousu.routing.Complaints;
import io.tousu.routing.workorder.WorkOrder;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tousu.routing.Complaints.onlyWorkOrderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class RoutingRulesResourceTest {
    private final Complaints complaints = new Complaints();

    private static String admin() {
        return LocalInfra.tokens().forRole("admin");
    }

    private static int currentVersion() {
        return given().auth().oauth2(admin()).when().get("/api/v1/routing/rules").then().statusCode(200)
                .extract().path("version");
    }

    @Test
    void servesTheRulesInForceToAdminsOnly() {
        given().auth().oauth2(admin()).when().get("/api/v1/routing/rules").then().statusCode(200)
                .body("rules.id", hasItem("regulator-referral")).body("rules[-1].id", equalTo("category-department"));
        given().auth().oauth2(LocalInfra.tokens().forRole("supervisor")).when().get("/api/v1/routing/rules")
                .then().statusCode(403);
    }

    @Test
    void anInvalidRuleSetIsRejectedWholeWithEveryErrorAndTheRulesInForceStay() {
        int before = currentVersion();
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("""
                        {"rules": [
                          {"id": "a", "when": {"categories": ["NOPE"], "channels": ["FAX"]}, "then": {"department": "mars"}},
                          {"id": "a", "then": {"escalationLevel": 9}},
                          {"id": "last", "when": {"vip": true}}
                        ]}""")
                .when().put("/api/v1/routing/rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("rules[0].when.categories[0]", "rules[0].when.channels[0]",
                        "rules[0].then.department", "rules[1].id", "rules[1].then.escalationLevel", "rules[2].when"));
        assertThat(currentVersion()).isEqualTo(before);
    }

    @Test
    void aPublishedRuleSetRoutesAtOnceAndEveryDecisionNamesItsVersion() {
        int before = currentVersion();
        String area = "深圳市南山区" + UUID.randomUUID();
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("""
                        {"basedOn": %d, "rules": [
                          {"id": "vip-area", "when": {"areas": ["%s"], "vip": true},
                           "then": {"department": "enterprise", "priority": "HIGH", "escalationLevel": 2}},
                          {"id": "regulator-referral", "when": {"referralSources": ["MIIT"]}, "then": {"priority": "URGENT", "escalationLevel": 3}},
                          {"id": "category-department", "then": {"escalationLevel": 1}}
                        ]}""".formatted(before, area.substring(0, 6)))
                .when().put("/api/v1/routing/rules")
                .then().statusCode(200).body("version", equalTo(before + 1));

        WorkOrder order = onlyWorkOrderOf(complaints.complaint("FEES.PACKAGE").set("area", area).vip().publish());
        assertThat(order.ruleId).isEqualTo("vip-area");
        assertThat(order.ruleVersion).isEqualTo(before + 1);
        assertThat(order.department).isEqualTo("enterprise");
        assertThat(order.escalationLevel).isEqualTo(2);

        // An edit based on an older version is refused rather than overwriting this one.
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"basedOn\": %d, \"rules\": [{\"id\": \"only\"}]}".formatted(before))
                .when().put("/api/v1/routing/rules").then().statusCode(409);
        // Put the shipped rules back for the other tests.
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(given().auth().oauth2(admin()).get("/api/v1/routing/rules").then().extract().asString()
                        .replaceFirst("^\\{\"version\":\\d+,", "{")
                        .replace("vip-area", "vip-area-off").replace("\"vip\":true", "\"vip\":true,\"channels\":[\"EMAIL\"],\"types\":[\"PRAISE\"]"))
                .when().put("/api/v1/routing/rules").then().statusCode(200);
    }
}

package io.tousu.followup.calendar;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tousu.followup.RoutingEvents;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class CalendarResourceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADMIN = LocalInfra.tokens().forRole("admin");
    private static final String AGENT = LocalInfra.tokens().forRole("agent");
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    /** A 2027 schedule as an administrator would enter it from the year's notice (dates here are a test's). */
    private static String schedule2027(String springFestivalTo) {
        return """
                {"year":2027,"source":"国务院办公厅关于2027年部分节假日安排的通知 (test)",
                 "holidays":[{"name":"元旦","from":"2027-01-01","to":"2027-01-03"},
                             {"name":"春节","from":"2027-02-05","to":"%s"}],
                 "workingWeekends":["2027-02-20"]}
                """.formatted(springFestivalTo);
    }

    @Test
    void anyRoleReadsTheShippedYears() {
        given().auth().oauth2(AGENT).when().get("/api/v1/calendars/2026")
                .then().statusCode(200)
                .body("year", equalTo(2026))
                .body("version", equalTo(1))
                .body("holidays.name", hasItems("春节", "国庆节"))
                .body("holidays.find { it.name == '春节' }.from", equalTo("2026-02-15"))
                .body("workingWeekends", hasItem("2026-02-28"))
                .body("workingDays", equalTo(248));
        given().auth().oauth2(LocalInfra.tokens().forDepartment("billing")).when().get("/api/v1/calendars/2025")
                .then().statusCode(200).body("source", containsString("2025年"));
        given().when().get("/api/v1/calendars/2025").then().statusCode(401);
    }

    @Test
    void aPublishedYearIsVersionedAndCountsForClocksStartedAfterIt() {
        // Before 2027 is published, a clock running into it counts weekends only, and says so.
        UUID before = UUID.randomUUID();
        RoutingEvents.publish(kafka, before.toString(), UUID.randomUUID().toString(),
                RoutingEvents.dispatched(before, "2027-02-04T10:00:00+08:00"));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(AGENT)
                .when().get("/api/v1/complaints/" + before + "/sla")
                .then().statusCode(200)
                .body("deadlines.find { it.kind == 'REPLY' }.calendarVersion", equalTo(BusinessCalendar.MISSING))
                .body("deadlines.find { it.kind == 'REPLY' }.dueAt", equalTo("2027-02-11T23:59:59+08:00")));
        given().auth().oauth2(AGENT).when().get("/api/v1/calendars/2027").then().statusCode(404)
                .contentType("application/problem+json");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(schedule2027("2027-02-10"))
                .when().put("/api/v1/calendars/2027")
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(schedule2027("2027-02-11"))
                .when().put("/api/v1/calendars/2027")
                .then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(AGENT).when().get("/api/v1/calendars/2027")
                .then().statusCode(200).body("version", equalTo(2))
                .body("holidays.find { it.name == '春节' }.to", equalTo("2027-02-11"));

        // The same receipt now: 5 - 11 February off, counted from the next day, so due on the 18th.
        UUID after = UUID.randomUUID();
        RoutingEvents.publish(kafka, after.toString(), UUID.randomUUID().toString(),
                RoutingEvents.dispatched(after, "2027-02-04T10:00:00+08:00"));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(AGENT)
                .when().get("/api/v1/complaints/" + after + "/sla")
                .then().statusCode(200)
                .body("deadlines.find { it.kind == 'REPLY' }.calendarVersion", equalTo("2027.2"))
                .body("deadlines.find { it.kind == 'REPLY' }.dueAt", equalTo("2027-02-18T23:59:59+08:00")));
        // The earlier clock keeps the due time it was given.
        given().auth().oauth2(AGENT).when().get("/api/v1/complaints/" + before + "/sla")
                .then().body("deadlines.find { it.kind == 'REPLY' }.calendarVersion", equalTo(BusinessCalendar.MISSING))
                .body("deadlines.find { it.kind == 'REPLY' }.dueAt", equalTo("2027-02-11T23:59:59+08:00"));
    }

    @Test
    void anInvalidScheduleIsRefusedWithEveryErrorAndStoresNothing() {
        String invalid = """
                {"year":2028,"source":"","holidays":[{"name":"春节","from":"2028-01-30","to":"2028-01-26"}],
                 "workingWeekends":["2028-01-24","2029-01-06"]}
                """;
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(invalid)
                .when().put("/api/v1/calendars/2028")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("source", "holidays[0].to", "workingWeekends[0]", "workingWeekends[1]"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(invalid.replace("\"year\":2028", "\"year\":2030"))
                .when().put("/api/v1/calendars/2028")
                .then().statusCode(400).body("errors.field", hasItem("year"));
        given().auth().oauth2(AGENT).when().get("/api/v1/calendars/2028").then().statusCode(404);
    }

    @Test
    void onlyAnAdministratorPublishes() {
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(schedule2027("2027-02-10").replace("2027", "2029"))
                .when().put("/api/v1/calendars/2029")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(AGENT).when().get("/api/v1/calendars/2029").then().statusCode(404);
    }
}

package io.tousu.intake.complaint;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;

/** The contract's example submission, and posting it. */
public final class Submissions {
    /** The contract's example body, which intake also serves for its OpenAPI document. */
    private static final String EXAMPLE = "/META-INF/resources/complaint-example.json";

    private Submissions() {
    }

    public static String example(String channelRef) {
        try (InputStream in = Submissions.class.getResourceAsStream(EXAMPLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("CALL-20261122-0001", channelRef);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response post(String body, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/complaints");
    }
}

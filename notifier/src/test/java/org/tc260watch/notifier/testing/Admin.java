package org.tc260watch.notifier.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests to {@code /admin} with the tests' token. */
public final class Admin {

    private Admin() {
    }

    public static RequestSpecification request() {
        return given().header("Authorization", "Bearer " + SmtpProfile.ADMIN_TOKEN);
    }

    /** Makes today's digests of a period now. @return how many were made */
    public static int runDigests(String period) {
        return request().queryParam("period", period).when().post("/admin/digests/run")
                .then().statusCode(200).extract().path("digests");
    }
}

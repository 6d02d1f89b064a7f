package org.tc260watch.notifier.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** Subscribes and unsubscribes through the HTTP API. */
public final class Subscriptions {

    private Subscriptions() {
    }

    /** @return the subscription id */
    public static String subscribe(String email) {
        return given().contentType(ContentType.JSON).body("{\"email\":\"" + email + "\"}")
                .when().post("/api/subscriptions")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static void unsubscribe(String id) {
        given().when().delete("/api/subscriptions/" + id).then().statusCode(204);
    }
}

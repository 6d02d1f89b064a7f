package org.tc260watch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.notifier.testing.SmtpProfile;

/**
 * Every {@code /admin} operation the API document lists (so a new one is covered the day it is added) refuses a
 * request without the bearer token, with a wrong one, with the token anywhere but the Authorization header, and
 * through spellings of its path that a path check could miss.
 */
@QuarkusTest
@TestProfile(SmtpProfile.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class AdminAuthIT {

    private record Operation(String method, String path) {
    }

    @Test
    void everyAdminOperationNeedsTheBearerTokenInTheHeader() {
        List<Operation> operations = adminOperations();
        assertThat(operations).extracting(Operation::path)
                .contains("/admin/deliveries", "/admin/deliveries/1/resend", "/admin/digests/run");

        for (Operation op : operations) {
            String where = op.method() + " " + op.path();
            assertThat(given().queryParam("period", "DAILY").request(op.method(), op.path()).statusCode())
                    .as(where + " without a token").isEqualTo(401);
            assertThat(given().header("Authorization", "Bearer " + SmtpProfile.ADMIN_TOKEN + "x")
                    .queryParam("period", "DAILY").request(op.method(), op.path()).statusCode())
                    .as(where + " with a longer token").isEqualTo(401);
            assertThat(given().header("Authorization", "Bearer")
                    .queryParam("period", "DAILY").request(op.method(), op.path()).statusCode())
                    .as(where + " with an empty token").isEqualTo(401);
            assertThat(given().header("Authorization", "Basic " + SmtpProfile.ADMIN_TOKEN)
                    .queryParam("period", "DAILY").request(op.method(), op.path()).statusCode())
                    .as(where + " with another scheme").isEqualTo(401);
            for (String name : List.of("token", "access_token", "admin_token")) {
                assertThat(given().queryParam(name, SmtpProfile.ADMIN_TOKEN).queryParam("period", "DAILY")
                        .request(op.method(), op.path()).statusCode())
                        .as(where + " with the token in ?" + name).isEqualTo(401);
            }
            assertThat(given().cookie("token", SmtpProfile.ADMIN_TOKEN).queryParam("period", "DAILY")
                    .request(op.method(), op.path()).statusCode())
                    .as(where + " with the token in a cookie").isEqualTo(401);
        }
    }

    @Test
    void noSpellingOfAnAdminPathGetsPastTheCheck() {
        for (String path : List.of("//admin/deliveries", "/admin//deliveries", "/admin/./deliveries",
                "/api/../admin/deliveries", "/%61dmin/deliveries", "/admin%2Fdeliveries", "/admin/deliveries/",
                "/admin/deliveries;x=1", "/ADMIN/deliveries")) {
            int status = given().urlEncodingEnabled(false).get(path).statusCode();
            // Refused, or no such resource: never the list of deliveries.
            assertThat(status).as(path).isIn(400, 401, 404);
        }
    }

    /** The /admin operations of the OpenAPI document, with 1 for path parameters. */
    private static List<Operation> adminOperations() {
        JsonPath api = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> {
            if (path.startsWith("/admin")) {
                methods.keySet().forEach(method -> operations.add(
                        new Operation(method.toUpperCase(), path.replaceAll("\\{[^}]+}", "1"))));
            }
        });
        return operations;
    }
}

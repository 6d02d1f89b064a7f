package org.tc260watch.notifier.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import org.tc260watch.notifier.monitoring.MailHealthChecks;

/** The running notifier's health endpoints. */
public final class Health {

    /** JSON path prefix of the readiness check "Mail outbox"'s details, e.g. {@code OUTBOX + "server"}. */
    public static final String OUTBOX = "checks.find { it.name == '" + MailHealthChecks.READINESS + "' }.data.";

    /** The mail group: DOWN (503) while the mail server or directory does not take mail. */
    public static final String MAIL_GROUP = "/q/health/group/" + MailHealthChecks.GROUP;

    private Health() {
    }

    /** {@code /q/health/ready}, whatever its status. */
    public static JsonPath ready() {
        return given().when().get("/q/health/ready").then().extract().jsonPath();
    }

    /** What the last probe of the mail transport found: UNKNOWN, UP or DOWN. */
    public static String mailServer() {
        return ready().getString(OUTBOX + "server");
    }

    public static int mailGroupStatusCode() {
        return given().when().get(MAIL_GROUP).statusCode();
    }
}

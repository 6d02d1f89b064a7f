package org.tc260watch.notifier.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mail through a real SMTP server (GreenMail); fresh data directory under target/; fast retries; the client address
 * taken from {@code X-Forwarded-For}, as behind a proxy, so that tests can act as many clients (per-IP limits).
 */
public class SmtpProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return fastDelivery("smtp");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }

    /** The bearer token of {@code /admin} in the tests. */
    public static final String ADMIN_TOKEN = "test-admin-token";

    static Map<String, String> fastDelivery(String name) {
        Path dataDir = Path.of("target", "it-data", name + "-" + UUID.randomUUID()).toAbsolutePath();
        return Map.of(
                "TC260_DATA_DIR", dataDir.toString(),
                "notifier.delivery.interval", "1s",
                "notifier.delivery.initial-backoff", "1s",
                "notifier.delivery.max-backoff", "2s",
                "notifier.mail.send-timeout", "5s",
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "notifier.admin-token", ADMIN_TOKEN,
                // Health and gauges see an outage, and its end, within a second or two.
                "notifier.monitoring.refresh", "1s",
                // Digests run when a test asks (POST /admin/digests/run), not by the clock.
                "notifier.digest.check-interval", "1h");
    }
}

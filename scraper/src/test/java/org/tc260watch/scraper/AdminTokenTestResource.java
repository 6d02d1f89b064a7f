package org.tc260watch.scraper;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/** A fresh admin token per test JVM, as {@code ADMIN_TOKEN} would give one. */
public class AdminTokenTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "it-" + UUID.randomUUID();

    @Override
    public Map<String, String> start() {
        return Map.of("tc260.admin-token", TOKEN);
    }

    @Override
    public void stop() {
    }
}

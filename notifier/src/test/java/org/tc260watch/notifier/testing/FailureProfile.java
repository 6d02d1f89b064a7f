package org.tc260watch.notifier.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SMTP (GreenMail) with addresses the server refuses, quick retries and few attempts: deliveries die fast. */
public class FailureProfile implements QuarkusTestProfile {

    public static final int MAX_ATTEMPTS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(SmtpProfile.fastDelivery("failure"));
        config.put("notifier.delivery.initial-backoff", "300ms");
        config.put("notifier.delivery.max-backoff", "600ms");
        config.put("notifier.delivery.max-attempts", Integer.toString(MAX_ATTEMPTS));
        return config;
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(RejectingMailTransport.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}

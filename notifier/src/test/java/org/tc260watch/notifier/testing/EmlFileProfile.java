package org.tc260watch.notifier.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** No SMTP server configured: mails go to .eml files in the data directory, as in a bare {@code java -jar} run. */
public class EmlFileProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return SmtpProfile.fastDelivery("eml");
    }
}

package org.tc260watch.scraper.admin;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.tc260watch.scraper.config.ScraperConfig;

/**
 * The bearer token of the admin endpoints. Without {@code ADMIN_TOKEN} a random one is made at start-up and logged
 * once, so the endpoints are never open.
 */
@Startup
@Singleton
public class AdminToken {

    private static final Logger LOG = Logger.getLogger(AdminToken.class);

    private final byte[] token;

    @Inject
    public AdminToken(ScraperConfig config) {
        this(config.adminToken());
    }

    AdminToken(Optional<String> configuredToken) {
        String configured = configuredToken.map(String::trim).filter(t -> !t.isEmpty()).orElse(null);
        if (configured == null) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            configured = HexFormat.of().formatHex(random);
            LOG.warnf("ADMIN_TOKEN is not set; the admin token of this process is %s", configured);
        }
        this.token = configured.getBytes(StandardCharsets.UTF_8);
    }

    /** Compares in constant time, so the token cannot be guessed from response times. */
    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}

package org.tc260watch.notifier.admin;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.config.NotifierConfig;

/**
 * The bearer token of {@code /admin}: {@code notifier.admin-token} ({@code ADMIN_TOKEN}), else a random one made at
 * start-up and logged once (as the scraper does), so the endpoints are never open. Application-scoped (a proxy) so
 * that the request filter, made at build time, gets it without reading runtime configuration then.
 */
@Startup
@ApplicationScoped
@SecurityScheme(securitySchemeName = AdminToken.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The admin token: ADMIN_TOKEN, or the random one logged at start-up")
public class AdminToken {

    /** The OpenAPI name of the admin token scheme. */
    public static final String SCHEME = "admin-token";

    private static final Logger LOG = Logger.getLogger(AdminToken.class);

    private final byte[] token;

    @Inject
    public AdminToken(NotifierConfig config) {
        this(config.adminToken());
    }

    AdminToken(Optional<String> configured) {
        this.token = configured.map(String::strip).filter(t -> !t.isEmpty()).orElseGet(AdminToken::generated)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** For CDI's proxy. */
    protected AdminToken() {
        this.token = new byte[0];
    }

    private static String generated() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String made = HexFormat.of().formatHex(random);
        LOG.warnf("ADMIN_TOKEN is not set; the admin token of this process is %s", made);
        return made;
    }

    /** Constant-time comparison, so the token cannot be guessed from response times. */
    public boolean accepts(String presented) {
        return presented != null && token.length > 0
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}

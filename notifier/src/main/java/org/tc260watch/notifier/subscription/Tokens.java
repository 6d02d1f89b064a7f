package org.tc260watch.notifier.subscription;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tc260watch.notifier.config.NotifierConfig;

/**
 * HMAC-SHA256 signed tokens naming one subscription for one purpose until an expiry:
 * {@code base64url(purpose.subscriptionId.expiryEpochSeconds).base64url(hmac)}. The secret comes from
 * {@code notifier.tokens.secret} ({@code NOTIFIER_TOKEN_SECRET}); without it one is generated on first start and kept
 * in {@code notifier.tokens.secret-file}, so links in mails already sent stay valid across restarts.
 */
@ApplicationScoped
public class Tokens {

    /** What a token lets its holder do. */
    public enum Purpose {
        CONFIRM,
        MANAGE,
        UNSUBSCRIBE
    }

    /** A verified token. */
    public record Verified(Purpose purpose, String subscriptionId, Instant expires) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Clock clock;

    public Tokens(NotifierConfig config, Clock clock) {
        this.secret = config.tokens().secret().filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> keptSecret(config.tokens().secretFile()));
        this.clock = clock;
    }

    public String issue(Purpose purpose, String subscriptionId, Duration validFor) {
        long expires = clock.instant().plus(validFor).getEpochSecond();
        String body = purpose.name() + "." + subscriptionId + "." + expires;
        return B64.encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac(body));
    }

    /**
     * @return the token's content if it is well-formed, signed with our secret, for {@code purpose} and not expired;
     *         empty otherwise (callers answer all failures alike, telling a forger nothing)
     */
    public Optional<Verified> verify(String token, Purpose purpose) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            String body = new String(B64D.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = B64D.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(body))) {
                return Optional.empty();
            }
            String[] parts = body.split("\\.");
            if (parts.length != 3 || !parts[0].equals(purpose.name())) {
                return Optional.empty();
            }
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            return clock.instant().isAfter(expires) ? Optional.empty()
                    : Optional.of(new Verified(purpose, parts[1], expires));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when the token is genuine and for {@code purpose} but past its expiry (to say "expired", not "invalid"). */
    public boolean expired(String token, Purpose purpose) {
        return verify(token, purpose).isEmpty() && verifyIgnoringExpiry(token, purpose);
    }

    private boolean verifyIgnoringExpiry(String token, Purpose purpose) {
        try {
            int dot = token.indexOf('.');
            String body = new String(B64D.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            return MessageDigest.isEqual(B64D.decode(token.substring(dot + 1)), mac(body))
                    && body.startsWith(purpose.name() + ".");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] keptSecret(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return B64D.decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, B64.encodeToString(fresh), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the file stays with the directory's permissions.
            }
            Log.infof("Generated the token secret and kept it in %s (set NOTIFIER_TOKEN_SECRET to choose one)",
                    file.toAbsolutePath().normalize());
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token secret " + file, e);
        }
    }
}

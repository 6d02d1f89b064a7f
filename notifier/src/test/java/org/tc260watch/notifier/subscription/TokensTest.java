package org.tc260watch.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tc260watch.notifier.config.NotifierConfig;

class TokensTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    @TempDir
    Path dir;

    private Tokens tokens(Optional<String> secret, Instant now) {
        return new Tokens(config(secret, dir.resolve("secret")), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenVerifiesForItsPurposeUntilItExpires() {
        String t = tokens(Optional.of("s3cret"), NOW).issue(Tokens.Purpose.CONFIRM, "sub-1", Duration.ofHours(48));
        assertThat(tokens(Optional.of("s3cret"), NOW.plus(Duration.ofHours(47))).verify(t, Tokens.Purpose.CONFIRM))
                .get().extracting(Tokens.Verified::subscriptionId).isEqualTo("sub-1");
        assertThat(tokens(Optional.of("s3cret"), NOW).verify(t, Tokens.Purpose.UNSUBSCRIBE)).isEmpty();
        Tokens later = tokens(Optional.of("s3cret"), NOW.plus(Duration.ofHours(49)));
        assertThat(later.verify(t, Tokens.Purpose.CONFIRM)).isEmpty();
        assertThat(later.expired(t, Tokens.Purpose.CONFIRM)).isTrue();
    }

    @Test
    void forgedOrMangledTokensAreRefused() {
        String t = tokens(Optional.of("s3cret"), NOW).issue(Tokens.Purpose.MANAGE, "sub-1", Duration.ofDays(1));
        Tokens other = tokens(Optional.of("another"), NOW);
        assertThat(other.verify(t, Tokens.Purpose.MANAGE)).isEmpty();
        assertThat(other.expired(t, Tokens.Purpose.MANAGE)).isFalse();
        Tokens same = tokens(Optional.of("s3cret"), NOW);
        String otherSubscription = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("MANAGE.sub-2.9999999999".getBytes()) + t.substring(t.indexOf('.'));
        assertThat(same.verify(otherSubscription, Tokens.Purpose.MANAGE)).isEmpty();
        for (String junk : new String[] {"", ".", "a.b", "no-dot", t + ".x", "%%%.%%%"}) {
            assertThat(same.verify(junk, Tokens.Purpose.MANAGE)).as(junk).isEmpty();
        }
        assertThat(same.verify(null, Tokens.Purpose.MANAGE)).isEmpty();
    }

    @Test
    void withoutAConfiguredSecretOneIsGeneratedAndKeptAcrossRestarts() throws Exception {
        String t = tokens(Optional.empty(), NOW).issue(Tokens.Purpose.UNSUBSCRIBE, "sub-1", Duration.ofDays(1));
        assertThat(Files.readString(dir.resolve("secret"))).isNotBlank();
        assertThat(tokens(Optional.empty(), NOW).verify(t, Tokens.Purpose.UNSUBSCRIBE)).isPresent();
    }

    private static NotifierConfig config(Optional<String> secret, Path file) {
        NotifierConfig.Tokens t = new NotifierConfig.Tokens() {
            @Override
            public Optional<String> secret() {
                return secret;
            }

            @Override
            public Path secretFile() {
                return file;
            }

            @Override
            public Duration confirmTtl() {
                return Duration.ofHours(48);
            }

            @Override
            public Duration linkTtl() {
                return Duration.ofDays(3650);
            }
        };
        return (NotifierConfig) java.lang.reflect.Proxy.newProxyInstance(NotifierConfig.class.getClassLoader(),
                new Class<?>[] {NotifierConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("tokens")) {
                        return t;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}

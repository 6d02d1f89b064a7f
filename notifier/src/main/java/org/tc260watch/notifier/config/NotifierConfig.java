package org.tc260watch.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The notifier's own settings ({@code notifier.*}); Quarkus' own keys stay in application.properties. */
@ConfigMapping(prefix = "notifier")
public interface NotifierConfig {

    Mail mail();

    Delivery delivery();

    Tokens tokens();

    Subscribe subscribe();

    /** Where subscribers reach this service: the base of every link in mails. */
    @WithDefault("http://localhost:8080")
    java.net.URI publicUrl();

    interface Tokens {
        /** HMAC secret of the links in mails ({@code NOTIFIER_TOKEN_SECRET}); generated and kept when unset. */
        Optional<String> secret();

        /** Where a generated secret is kept. */
        @WithDefault("./data/notifier-token.secret")
        Path secretFile();

        /** How long a confirmation link works. */
        @WithDefault("48h")
        Duration confirmTtl();

        /** How long manage and unsubscribe links in mails work (mails are kept; links must outlive them). */
        @WithDefault("3650d")
        Duration linkTtl();
    }

    /**
     * Limits on {@code POST /api/subscriptions}, each a sliding window kept in memory: per instance, forgotten on
     * restart. They keep the form from being used to mail-bomb an address or to fill the database.
     */
    interface Subscribe {
        /** Requests naming one address per window, whoever sends them. */
        @WithDefault("5")
        int perAddressLimit();

        /** Requests from one client IP (an IPv6 client counts by its /64) per window. */
        @WithDefault("30")
        int perIpLimit();

        /** The window both limits count in. */
        @WithDefault("1h")
        Duration limitWindow();
    }

    interface Mail {
        /**
         * SMTP server to send through ({@code MAILER_HOST}); when absent, mails are written as .eml files to
         * {@link #directory()} instead, so a bare {@code java -jar} run loses nothing.
         */
        Optional<String> smtpHost();

        /** Sender address of every alert. */
        @WithDefault("tc260-watch@localhost")
        String from();

        /** Where the .eml files go when no SMTP server is configured. */
        @WithDefault("./data/mail")
        Path directory();

        /** How long one SMTP conversation may take before it counts as a failed attempt. */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    interface Delivery {
        /** How often the outbox is scanned for due deliveries (a new change also wakes it at once). */
        @WithDefault("5s")
        Duration interval();

        /** Wait after the first failed attempt; doubles with every further failure. */
        @WithDefault("30s")
        Duration initialBackoff();

        /** Upper bound of the wait between two attempts; a delivery is retried at this pace for ever. */
        @WithDefault("1h")
        Duration maxBackoff();

        /** Deliveries read from the outbox per query. */
        @WithDefault("50")
        int batchSize();
    }
}

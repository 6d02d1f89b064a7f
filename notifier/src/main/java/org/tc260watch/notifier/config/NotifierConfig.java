package org.tc260watch.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** The notifier's own settings ({@code notifier.*}); Quarkus' own keys stay in application.properties. */
@ConfigMapping(prefix = "notifier")
public interface NotifierConfig {

    Mail mail();

    Delivery delivery();

    Tokens tokens();

    Subscribe subscribe();

    // --- Issue 5: digests and the admin API -------------------------------------------------------------------

    Digest digest();

    /**
     * Bearer token of the {@code /admin} endpoints ({@code ADMIN_TOKEN}); when unset a random one is made at start-up
     * and logged once, so the endpoints are never open.
     */
    Optional<String> adminToken();

    // --- Issue 6: topics --------------------------------------------------------------------------------------

    Topics topics();

    // --- Issue 7: health and metrics --------------------------------------------------------------------------

    Monitoring monitoring();

    Stream stream();

    ReadCache readCache();

    /** Rendered responses of {@code /api/changes} and the change feeds, kept while the stored changes stay the same. */
    interface ReadCache {
        /** The bodies kept, in bytes at most; the least used go first. */
        @WithDefault("16777216")
        long maxBytes();
    }

    /** The server-sent event stream {@code /api/changes/stream}. */
    interface Stream {
        /** How often each open stream looks for new changes in the database. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** A comment line after this long without events, so proxies keep an idle stream open. */
        @WithDefault("15s")
        Duration heartbeat();

        /**
         * How long a stream waits at a gap in the sequence numbers (an insert not yet committed, on another instance)
         * before it passes it.
         */
        @WithDefault("5s")
        Duration gapGrace();
    }

    /** The background reads behind the health checks and gauges, so that a probe or a scrape never waits. */
    interface Monitoring {
        /** How often the outbox is counted and the mail server (or the .eml directory) probed. */
        @WithDefault("30s")
        Duration refresh();

        /** How long the SMTP probe may wait at each step (connect, greeting, EHLO). */
        @WithDefault("5s")
        Duration probeTimeout();
    }

    interface Topics {
        /**
         * The topic rule file (UTF-8, format in docs/topics.md); when unset, the {@code topics.properties} shipped on
         * the class path. Read once at start-up: an invalid file stops the start with the reason.
         */
        Optional<Path> file();
    }

    interface Digest {
        /** Local time of day at which digests are sent. */
        @WithDefault("08:00")
        LocalTime time();

        /** Time zone of {@link #time()} and of the days digests and comment deadlines are counted in. */
        @WithDefault("Asia/Shanghai")
        ZoneId zone();

        /** The day weekly digests are sent. */
        @WithDefault("MONDAY")
        DayOfWeek weekday();

        /** A digest lists the comment periods that end within this many days of its run date. */
        @WithDefault("7")
        int closingSoonDays();

        /** How often the digest schedule is checked (a run missed while the service was down is made up then). */
        @WithDefault("1m")
        Duration checkInterval();
    }

    // --- Links ------------------------------------------------------------------------------------------------

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

        /** Upper bound of the wait between two attempts. */
        @WithDefault("1h")
        Duration maxBackoff();

        /**
         * Attempts after which a delivery (or digest) is given up and marked DEAD, to be resent by an admin
         * ({@code POST /admin/deliveries/{id}/resend}). With the default backoff, 12 attempts span about 6.5 hours.
         */
        @WithDefault("12")
        int maxAttempts();

        /**
         * A delivery claimed for sending longer ago than this was being sent by a process that died (or hung): it is
         * sent again. Must exceed {@code notifier.mail.send-timeout}.
         */
        @WithDefault("2m")
        Duration claimTimeout();

        /** Where the sender notes each mail the server accepted, until the database has the mark on disk. */
        @WithDefault("./data/sent.journal")
        Path journal();

        /** Deliveries read from the outbox per query. */
        @WithDefault("50")
        int batchSize();

        /**
         * Mails in flight at once (each worker claims, sends, notes and marks its own). A crash can send each mail in
         * flight twice (the duplicate window), so at most this many; 1 sends one mail at a time.
         */
        @WithDefault("4")
        int concurrency();
    }
}

package org.tc260watch.scraper.probe;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.net.URI;
import org.tc260watch.scraper.publish.SnapshotPublisher;

/**
 * The scraper's command line: {@code probe [--base-url URL]} looks at the site once ({@link SiteProbe}), prints what
 * it recognises and exits (0: some generation recognised, 2: blind, 64: bad arguments); no argument runs the service.
 * The probe publishes nothing and needs no broker: the Kafka channels are disabled, the scheduled poll is off and the
 * HTTP port is a free one (a running scraper keeps its own).
 */
@QuarkusMain
public class ScraperMain {

    static final String PROBE = "probe";
    static final int USAGE = 64;

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals(PROBE)) {
            URI baseUrl;
            try {
                baseUrl = baseUrl(args);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.err.println("usage: java -jar quarkus-run.jar probe [--base-url https://www.tc260.org.cn]");
                System.exit(USAGE);
                return;
            }
            if (baseUrl != null) {
                System.setProperty("tc260.base-url", baseUrl.toString());
            }
            System.setProperty("tc260.poll-interval", "off");
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("quarkus.log.level", "WARN");
            System.setProperty("quarkus.banner.enabled", "false");
            // No Kafka producers at all: the probe publishes nothing and must not wait for (or warn about) a broker.
            System.setProperty("mp.messaging.outgoing." + SnapshotPublisher.SNAPSHOTS_CHANNEL + ".enabled", "false");
            System.setProperty("mp.messaging.outgoing." + SnapshotPublisher.SCRAPE_RUNS_CHANNEL + ".enabled", "false");
            System.setProperty("quarkus.log.category.\"io.smallrye.reactive.messaging.provider\".level", "ERROR");
            System.setProperty("quarkus.log.category.\"org.tc260watch.scraper.admin\".level", "ERROR");
        }
        Quarkus.run(Application.class, args);
    }

    /** {@code --base-url URL} or {@code --base-url=URL}; null when absent. */
    static URI baseUrl(String... args) {
        URI url = null;
        for (int i = 1; i < args.length; i++) {
            String value;
            if (args[i].equals("--base-url") && i + 1 < args.length) {
                value = args[++i];
            } else if (args[i].startsWith("--base-url=")) {
                value = args[i].substring("--base-url=".length());
            } else {
                throw new IllegalArgumentException("unknown probe argument: " + args[i]);
            }
            url = URI.create(value);
            if (url.getScheme() == null || url.getHost() == null) {
                throw new IllegalArgumentException("--base-url needs an absolute http(s) URL: " + value);
            }
        }
        return url;
    }

    /** Runs the probe and returns its exit code, or serves until asked to stop. */
    public static class Application implements QuarkusApplication {

        @Inject
        SiteProbe probe;

        @Override
        public int run(String... args) {
            if (args.length > 0 && args[0].equals(PROBE)) {
                return probe.run(System.out).exitCode();
            }
            Quarkus.waitForExit();
            return 0;
        }
    }
}

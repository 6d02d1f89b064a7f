package org.tc260watch.differ.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "differ")
public interface DifferConfig {

    Topics topics();

    Reminders reminders();

    interface Reminders {
        /** "Comments close in N days" reminders, once each per standard and deadline. */
        @WithDefault("7,1")
        java.util.List<Integer> days();

        /** How often the standards are checked for due reminders (wall-clock time). */
        @WithDefault("1h")
        Duration checkInterval();
    }

    interface Topics {
        /** Partitions of the topics the differ creates when they are missing. */
        @WithDefault("3")
        int partitions();

        /** How long to wait for the broker when creating topics at start-up. */
        @WithDefault("30s")
        Duration createTimeout();
    }
}

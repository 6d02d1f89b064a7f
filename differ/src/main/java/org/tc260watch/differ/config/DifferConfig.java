package org.tc260watch.differ.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "differ")
public interface DifferConfig {

    Topics topics();

    Reminders reminders();

    Withdrawal withdrawal();

    /**
     * How long a scrape run may wait for its verdict or its snapshots before it settles unverified (its changes are
     * told, its absences not counted).
     */
    @WithDefault("2m")
    Duration settleTimeout();

    interface Withdrawal {
        /** Consecutive HEALTHY complete runs of its source an item must be absent from before it counts as gone. */
        @WithDefault("3")
        int absentRuns();
    }

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

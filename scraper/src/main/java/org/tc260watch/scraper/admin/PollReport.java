package org.tc260watch.scraper.admin;

import java.util.List;
import org.tc260watch.events.ScrapeRun;

/** Answer of {@code POST /admin/poll}: the run of every source, all acknowledged by Kafka. */
public record PollReport(List<ScrapeRun> runs) {
}

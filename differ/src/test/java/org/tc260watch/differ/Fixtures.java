package org.tc260watch.differ;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tc260watch.events.Health;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;

/** Snapshots and runs as the scraper publishes them for the portal comment-draft list. */
public final class Fixtures {

    public static final String SOURCE = "portal.suggestion";

    private Fixtures() {
    }

    /** A comment-draft notice for 《数据安全技术 {topic}》 open from {@code start} to {@code deadline}. */
    public static Snapshot draft(String id, String topic, String start, String deadline, String runId, Instant at) {
        String book = "数据安全技术 " + topic;
        return new Snapshot(SOURCE, SiteGeneration.PORTAL, SOURCE + ":" + id,
                "https://www.tc260.org.cn/portal/suggestion-detail/" + id, ItemKind.COMMENT_DRAFT_NOTICE,
                "关于国家标准《" + book + "》征求意见稿征求意见的通知", List.of(), List.of(book), Stage.COMMENT_DRAFT,
                new ItemDates(LocalDate.parse(start), LocalDate.parse(start), LocalDate.parse(deadline), null),
                List.of(), null, "hash-" + id + "-" + deadline, at, runId, null);
    }

    public static ScrapeRun run(String runId, Health health, int items, Instant at) {
        return new ScrapeRun(runId, SOURCE, SiteGeneration.PORTAL, 1, 1000, items, 0, List.of(), health,
                health == Health.HEALTHY ? null : "test: " + health, health == Health.HEALTHY, at, at.plusSeconds(1));
    }
}

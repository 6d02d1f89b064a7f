import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tc260watch.events.Attachment;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.Health;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Listing;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;
import org.tc260watch.events.Topics;

/**
 * Writes two scraper runs of the drafts list as the scraper publishes them (the events module's records, keyed by
 * item key and by source, serialised with EventJson): a baseline run of S distinct drafts, then a second run of the
 * same drafts in which C of them moved their comment deadline. Each run ends with its verdict on tc260.scrape-runs.
 * The differ turns that into one source.baselined and C standard.deadline-changed changes. Prints the records and
 * bytes (keys + values) written.
 *
 *   java -cp 'differ/target/quarkus-app/lib/main/*' bench/SeedSnapshots.java <bootstrap> <S> <C>
 */
public class SeedSnapshots {
    private static final String SOURCE = "portal.suggestion";

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", args[0]);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        int standards = Integer.parseInt(args[1]);
        int changed = Integer.parseInt(args[2]);
        Instant t0 = Instant.parse("2026-11-02T02:00:00Z");
        long records = 0;
        long bytes = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int run = 1; run <= 2; run++) {
                String runId = "bench-run-" + run;
                Instant at = t0.plus(Duration.ofHours(run));
                List<ProducerRecord<String, String>> out = new ArrayList<>();
                for (int i = 1; i <= standards; i++) {
                    boolean moved = run == 2 && i <= changed;
                    out.add(record(Topics.SNAPSHOTS, draft(i, moved, runId, at)));
                }
                out.add(new ProducerRecord<>(Topics.SCRAPE_RUNS, SOURCE, EventJson.mapper().writeValueAsString(
                        new ScrapeRun(runId, SOURCE, SiteGeneration.PORTAL, standards / 10 + 1, 2_000L * standards,
                                standards, 0, List.of(), Health.HEALTHY, null, true, at, at.plusSeconds(30)))));
                for (ProducerRecord<String, String> r : out) {
                    producer.send(r);
                    records++;
                    bytes += r.key().getBytes(StandardCharsets.UTF_8).length + r.value().getBytes(StandardCharsets.UTF_8).length;
                }
            }
            producer.flush();
        }
        System.out.println("SEEDED records=" + records + " bytes=" + bytes);
    }

    private static ProducerRecord<String, String> record(String topic, Snapshot s) throws Exception {
        return new ProducerRecord<>(topic, s.itemKey(), EventJson.mapper().writeValueAsString(s));
    }

    /** Draft i: its own title, 《》 book title, comment window and attachment; a moved deadline changes its hash. */
    private static Snapshot draft(int i, boolean moved, String runId, Instant at) {
        String id = "b" + Integer.toHexString(0x5a000000 + i);
        String book = "数据安全技术 基准测试数据处理安全要求 第" + i + "部分";
        LocalDate end = LocalDate.parse("2026-12-31").plusDays(moved ? 14 : 0);
        return new Snapshot(SOURCE, SiteGeneration.PORTAL, SOURCE + ":" + id,
                "https://www.tc260.org.cn/portal/suggestion-detail/" + id, ItemKind.COMMENT_DRAFT_NOTICE,
                "关于国家标准《" + book + "》征求意见稿征求意见的通知", List.of(), List.of(book), Stage.COMMENT_DRAFT,
                new ItemDates(null, LocalDate.parse("2026-11-01"), end, null),
                List.of(new Attachment("征求意见稿", book + "（征求意见稿）.pdf", "https://www.tc260.org.cn/file/" + id + ".pdf")),
                null, Integer.toHexString((id + end).hashCode()), at, runId, Listing.OPEN_FOR_COMMENT);
    }
}

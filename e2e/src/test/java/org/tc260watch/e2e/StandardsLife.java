package org.tc260watch.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
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
import org.tc260watch.events.StandardId;
import org.tc260watch.events.Topics;

/**
 * The scripted life of twenty standards (S01…S20) on four TC260 lists, published step by step as the scraper would
 * publish it: every run republishes its source's whole current item set, then the run verdict.
 *
 * <p>The script keeps to two rules so that a {@code TopologyTestDriver} and a real multi-instance differ see the same
 * thing: within one step at most one item per standard is new, changed or gone (checked when the script is built);
 * and all items of one standard hash to the same partition of {@link Topics#SNAPSHOTS}, so their relative order is the
 * order they are published in, on the broker as in the driver.
 */
final class StandardsLife {

    static final String SUGGESTION = "portal.suggestion";
    static final String NOTICES = "portal.notices";
    static final String STANDARDS = "portal.standards";
    static final String PLAN = "portal.plan";
    /** The order the sources are polled in within a step. */
    static final List<String> SOURCES = List.of(SUGGESTION, NOTICES, STANDARDS, PLAN);
    /** Partitions of the input topics (the differ's TopicBootstrap default). */
    static final int PARTITIONS = 3;
    /** Step 0 starts at 14:00 in Beijing on 2027-03-01; a step is one hour of scraper time. */
    static final Instant T0 = Instant.parse("2027-03-01T06:00:00Z");
    static final Duration STEP = Duration.ofHours(1);

    /**
     * One record on an input topic, in publishing order.
     *
     * @param standard  S01…S20 for snapshots, null for runs
     * @param runId     the run the record belongs to
     * @param atMillis  its timestamp, relative to the start of the script (steps are a minute apart)
     */
    record Message(String topic, String key, String value, String standard, String runId, long atMillis) {
    }

    record Run(ScrapeRun run, List<Snapshot> snapshots) {
    }

    record Step(int index, String story, List<Run> runs) {

        /** Each run's snapshots, then its verdict. */
        List<Message> messages() {
            List<Message> out = new ArrayList<>();
            for (Run r : runs) {
                for (Snapshot s : r.snapshots()) {
                    out.add(new Message(Topics.SNAPSHOTS, s.itemKey(), json(s), standardOf(s), s.runId(), at(out.size())));
                }
                out.add(new Message(Topics.SCRAPE_RUNS, r.run().source(), json(r.run()), null, r.run().runId(),
                        at(out.size())));
            }
            return out;
        }

        private long at(int sequence) {
            return index * 60_000L + sequence * 10L;
        }
    }

    /** An item on a list and the standard (S01…S20) it speaks of. */
    private record Item(String standard, Snapshot content) {
    }

    private static final Map<String, String> STANDARD_OF_ITEM = new HashMap<>();

    private final Map<String, LinkedHashMap<String, Item>> lists = new LinkedHashMap<>();
    private final Map<String, Set<String>> lastPublished = new HashMap<>();
    private final Map<String, String> lastHash = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();

    private StandardsLife() {
        SOURCES.forEach(s -> lists.put(s, new LinkedHashMap<>()));
    }

    static List<Step> script() {
        StandardsLife life = new StandardsLife();

        life.step("baseline: first healthy complete run of every source", s -> s
                .put(published("S01", "GB/T 43697-2024", "数据安全技术 数据分类分级规则", "2024-03-15", "2024-10-01"))
                .put(published("S02", "GB/T 45574-2025", "数据安全技术 敏感个人信息处理安全要求", "2025-04-25", "2025-11-01",
                        file("标准文本", "GB_T_45574-2025.pdf")))
                .put(plan("S03", "20241234-T-469", "网络安全技术 网络安全信息报送指南", Stage.COMMENT_DRAFT))
                .put(draft("S04", "a", "数据安全技术 个人信息保护合规审计专业机构能力要求", "2027-01-05", "2027-03-01"))
                .put(draft("S05", "a", "数据安全技术 数据安全风险评估方法", "2027-02-14", "2027-04-15"))
                .put(announcement("S13", "GB/T 45013-2027", "网络安全技术 网络数据处理安全要求", "2027-02-20")));
        life.step("the announced standard is listed; a notice about a draft; a plan item appears", s -> s
                .put(published("S13", "GB/T 45013-2027", "网络安全技术 网络数据处理安全要求", "2027-02-20", "2027-09-01"))
                .put(notice("S05", "comment", "关于国家标准《数据安全技术 数据安全风险评估方法》征求意见稿征求意见的通知",
                        Stage.COMMENT_DRAFT, ItemKind.NOTICE))
                .put(plan("S15", "20230999-T-469", "网络安全技术 信息系统灾难恢复规范", Stage.APPROVAL_DRAFT)));
        life.step("three drafts open for comment (title only), a plan item appears", s -> s
                .put(draft("S06", "a", "数据安全技术 个人信息出境认证要求", "2027-03-01", "2027-05-01"))
                .put(draft("S08", "a", "数据安全技术 数据接口安全风险监测方法", "2027-03-01", "2027-04-20"))
                .put(draft("S12", "a", "数据安全技术 电子产品信息清除技术要求", "2027-03-01", "2027-04-25"))
                .put(plan("S17", "20240777-T-469", "网络安全技术 网络安全事件分类分级指南", Stage.DRAFT)));
        life.step("a deadline moves; drafts appear, one under the old 信息安全技术 prefix", s -> s
                .put(draft("S05", "a", "数据安全技术 数据安全风险评估方法", "2027-02-14", "2027-04-30"))
                .put(draft("S07", "a", "信息安全技术 网络安全等级保护测评过程指南", "2027-03-01", "2027-05-05"))
                .put(draft("S10", "a", "数据安全技术 数据脱敏技术要求", "2027-03-01", "2027-05-20"))
                .put(draft("S20", "a", "数据安全技术 数据库安全审计产品技术要求", "2027-03-01", "2027-06-30")));
        life.step("a plan item goes 征求意见稿 → 送审稿; a plan item and a draft with a file appear", s -> s
                .put(plan("S03", "20241234-T-469", "网络安全技术 网络安全信息报送指南", Stage.REVIEW_DRAFT))
                .put(plan("S09", "20250101-T-469", "网络安全技术 网络安全产品互联互通 告警信息格式", Stage.PROJECT_APPROVED))
                .put(draft("S11", "a", "网络安全技术 生成式人工智能服务安全基本要求", "2027-03-01", "2027-04-30",
                        file("征求意见稿", "生成式人工智能服务安全基本要求-征求意见稿.pdf"))));
        life.step("a published standard gets a new file; a deadline moves; a draft and a plan item appear", s -> s
                .put(published("S02", "GB/T 45574-2025", "数据安全技术 敏感个人信息处理安全要求", "2025-04-25", "2025-11-01",
                        file("标准文本", "GB_T_45574-2025.pdf"), file("标准解读", "GB_T_45574-2025解读.pdf")))
                .put(draft("S08", "a", "数据安全技术 数据接口安全风险监测方法", "2027-03-01", "2027-04-30"))
                .put(draft("S16", "a", "数据安全技术 数据交易服务安全要求", "2027-03-01", "2027-05-25"))
                .put(plan("S19", "20250202-T-469", "网络安全技术 人工智能生成合成内容标识方法", Stage.PROJECT_APPROVED)));
        life.step("a draft gets a second file; a draft appears; a publication is announced", s -> s
                .put(draft("S11", "a", "网络安全技术 生成式人工智能服务安全基本要求", "2027-03-01", "2027-04-30",
                        file("征求意见稿", "生成式人工智能服务安全基本要求-征求意见稿.pdf"),
                        file("编制说明", "生成式人工智能服务安全基本要求-编制说明.pdf")))
                .put(draft("S17", "a", "网络安全技术 网络安全事件分类分级指南", "2027-03-01", "2027-05-10"))
                .put(announcement("S14", "GB/T 45014-2027", "网络安全技术 零信任参考体系架构", "2027-02-28")));
        life.step("S01 leaves the catalogue (1st healthy absence); the announced standard is listed; a second notice of"
                + " one draft, on top of the list, says another deadline (A→B→A within the run); a plan stage moves", s -> s
                .remove(STANDARDS, "S01")
                .put(published("S14", "GB/T 45014-2027", "网络安全技术 零信任参考体系架构", "2027-02-28", "2027-09-01"))
                .putFirst(draft("S10", "b", "数据安全技术 数据脱敏技术要求", "2027-03-01", "2027-05-31"))
                .put(plan("S17", "20240777-T-469", "网络安全技术 网络安全事件分类分级指南", Stage.COMMENT_DRAFT)));
        life.step("S01 still gone (2nd healthy absence); the second notice is corrected; plan stages move", s -> s
                .put(draft("S10", "b", "数据安全技术 数据脱敏技术要求", "2027-03-01", "2027-05-20"))
                .put(plan("S03", "20241234-T-469", "网络安全技术 网络安全信息报送指南", Stage.APPROVAL_DRAFT))
                .put(plan("S09", "20250101-T-469", "网络安全技术 网络安全产品互联互通 告警信息格式", Stage.DRAFT)));
        life.step("the catalogue run FAILS, the comment list run is DEGRADED; nothing changes", s -> s
                .health(STANDARDS, Health.FAILED, "connection reset on page 1")
                .health(SUGGESTION, Health.DEGRADED, "page 2 timed out; its items are the remembered ones"));
        life.step("the catalogue run is DEGRADED (S01 still gone, does not count); 送审稿 notices; a plan title changes;"
                + " S04's deadline passes at the end of this hour", s -> s
                .health(STANDARDS, Health.DEGRADED, "2 detail pages answered a soft 404")
                .put(notice("S05", "review", "关于召开国家标准《数据安全技术 数据安全风险评估方法》送审稿审查会的通知",
                        Stage.REVIEW_DRAFT, ItemKind.NOTICE))
                .put(notice("S12", "review", "关于召开国家标准《数据安全技术 电子产品信息清除技术要求》送审稿审查会的通知",
                        Stage.REVIEW_DRAFT, ItemKind.NOTICE))
                .put(plan("S19", "20250202-T-469", "网络安全技术 人工智能生成合成内容标识方法 第1部分：文本",
                        Stage.PROJECT_APPROVED)));
        life.step("S01 gone for a 3rd healthy complete run (withdrawn); a plan item is published as GB/T; a deadline"
                + " moves; a draft appears", s -> s
                .put(published("S15", "GB/T 45015-2027", "网络安全技术 信息系统灾难恢复规范", "2027-03-01", "2027-09-01"))
                .put(draft("S08", "a", "数据安全技术 数据接口安全风险监测方法", "2027-03-01", "2027-05-15"))
                .put(draft("S18", "a", "数据安全技术 个人信息去标识化效果评估指南", "2027-03-01", "2027-05-31")));
        life.step("S04 leaves the comment list after its deadline, S20 before its deadline; a draft is published as GB/T;"
                + " a plan stage moves", s -> s
                .remove(SUGGESTION, "S04")
                .remove(SUGGESTION, "S20")
                .put(published("S06", "GB/T 45006-2027", "数据安全技术 个人信息出境认证要求", "2027-03-01", "2027-10-01"))
                .put(plan("S09", "20250101-T-469", "网络安全技术 网络安全产品互联互通 告警信息格式", Stage.COMMENT_DRAFT)));
        life.step("the plan run FAILS; S13 leaves the catalogue (1st healthy absence); a deadline moves", s -> s
                .health(PLAN, Health.FAILED, "HTTP 502 on page 1")
                .remove(STANDARDS, "S13")
                .put(draft("S16", "a", "数据安全技术 数据交易服务安全要求", "2027-03-01", "2027-06-10")));
        life.step("S13 still gone (2nd); a plan item is published as GB/T; a deadline moves; a planned standard opens for"
                + " comment; a plan stage moves", s -> s
                .put(published("S03", "GB/T 45003-2027", "网络安全技术 网络安全信息报送指南", "2027-03-01", "2027-09-01"))
                .put(draft("S18", "a", "数据安全技术 个人信息去标识化效果评估指南", "2027-03-01", "2027-06-15"))
                .put(draft("S09", "a", "网络安全技术 网络安全产品互联互通 告警信息格式", "2027-03-01", "2027-06-20"))
                .put(plan("S17", "20240777-T-469", "网络安全技术 网络安全事件分类分级指南", Stage.REVIEW_DRAFT)));
        life.step("S13 is back after two absences (not withdrawn); the 信息安全技术 draft is published as 网络安全技术 GB/T;"
                + " a 报批稿 notice; a plan item says 已发布", s -> s
                .put(published("S13", "GB/T 45013-2027", "网络安全技术 网络数据处理安全要求", "2027-02-20", "2027-09-01"))
                .put(published("S07", "GB/T 45007-2027", "网络安全技术 网络安全等级保护测评过程指南", "2027-03-01", "2027-10-01"))
                .put(notice("S12", "approval", "关于国家标准《数据安全技术 电子产品信息清除技术要求》报批稿的公示",
                        Stage.APPROVAL_DRAFT, ItemKind.NOTICE))
                .put(plan("S03", "20241234-T-469", "网络安全技术 网络安全信息报送指南", Stage.PUBLISHED)));
        life.step("plan items move on", s -> s
                .put(plan("S15", "20230999-T-469", "网络安全技术 信息系统灾难恢复规范", Stage.PUBLISHED))
                .put(plan("S19", "20250202-T-469", "网络安全技术 人工智能生成合成内容标识方法 第1部分：文本", Stage.DRAFT)));
        return List.copyOf(life.steps);
    }

    // ---------------------------------------------------------------------------------------------------- items

    private static Item draft(String std, String name, String book, String start, String end, Attachment... files) {
        String id = siteId(SUGGESTION, std, name);
        return item(std, new Snapshot(SUGGESTION, SiteGeneration.PORTAL, SUGGESTION + ":" + id,
                "https://www.tc260.org.cn/portal/suggestion-detail/" + id, ItemKind.COMMENT_DRAFT_NOTICE,
                "关于国家标准《" + book + "》征求意见稿征求意见的通知", List.of(), List.of(book), Stage.COMMENT_DRAFT,
                new ItemDates(null, LocalDate.parse(start), LocalDate.parse(end), null), List.of(files), null, null, null,
                null, Listing.OPEN_FOR_COMMENT));
    }

    private static Item plan(String std, String planNo, String title, Stage stage) {
        String id = siteId(PLAN, std, planNo);
        return item(std, new Snapshot(PLAN, SiteGeneration.PORTAL, PLAN + ":" + id,
                "https://www.tc260.org.cn/portal/project/plan?id=" + id, ItemKind.PLAN_ITEM, title, List.of(planNo),
                List.of(), stage, ItemDates.NONE, List.of(), null, null, null, null, Listing.CATALOGUE));
    }

    private static Item published(String std, String number, String title, String published, String implementation,
            Attachment... files) {
        String id = siteId(STANDARDS, std, number);
        return item(std, new Snapshot(STANDARDS, SiteGeneration.PORTAL, STANDARDS + ":" + id,
                "https://www.tc260.org.cn/portal/project/standard?id=" + id, ItemKind.PUBLISHED_STANDARD, title,
                List.of(number), List.of(), Stage.PUBLISHED,
                new ItemDates(LocalDate.parse(published), null, null, LocalDate.parse(implementation)), List.of(files), null,
                null, null, null, Listing.CATALOGUE));
    }

    /** A notice about one draft, which it names by its 《》 title only. */
    private static Item notice(String std, String name, String title, Stage stage, ItemKind kind) {
        String book = title.substring(title.indexOf('《') + 1, title.indexOf('》'));
        String id = siteId(NOTICES, std, name);
        return item(std, new Snapshot(NOTICES, SiteGeneration.PORTAL, NOTICES + ":" + id,
                "https://www.tc260.org.cn/portal/article/" + id, kind, title, List.of(), List.of(book), stage,
                ItemDates.NONE, List.of(), null, null, null, null, Listing.ARCHIVE));
    }

    private static Item announcement(String std, String number, String book, String published) {
        String id = siteId(NOTICES, std, number);
        return item(std, new Snapshot(NOTICES, SiteGeneration.PORTAL, NOTICES + ":" + id,
                "https://www.tc260.org.cn/portal/article/" + id, ItemKind.PUBLICATION_ANNOUNCEMENT,
                "关于发布国家标准《" + book + "》的公告", List.of(number), List.of(book), Stage.PUBLISHED,
                new ItemDates(LocalDate.parse(published), null, null, null), List.of(), null, null, null, null,
                Listing.ARCHIVE));
    }

    private static Attachment file(String label, String name) {
        return new Attachment(label, name, "https://www.tc260.org.cn/file/" + siteId("file", label, name) + ".pdf");
    }

    private static Item item(String std, Snapshot content) {
        for (String id : content.standardIds()) {
            String canonical = StandardId.parse(id).orElseThrow(() -> new IllegalArgumentException(id)).canonical();
            if (!canonical.equals(id)) {
                throw new IllegalArgumentException(id + " is not canonical (" + canonical + ")");
            }
        }
        synchronized (STANDARD_OF_ITEM) {
            String before = STANDARD_OF_ITEM.putIfAbsent(content.itemKey(), std);
            if (before != null && !before.equals(std)) {
                throw new IllegalArgumentException(content.itemKey() + " speaks of " + before + ", not " + std);
            }
        }
        return new Item(std, content);
    }

    private static String standardOf(Snapshot s) {
        synchronized (STANDARD_OF_ITEM) {
            return STANDARD_OF_ITEM.get(s.itemKey());
        }
    }

    /**
     * The site's id of an item (32 hex digits like the portal's), chosen so that every item of standard Snn lands on
     * partition nn mod {@value #PARTITIONS} of the snapshots topic under the default partitioner.
     */
    private static String siteId(String source, String std, String name) {
        int wanted = std.startsWith("S") ? Integer.parseInt(std.substring(1)) % PARTITIONS : -1;
        for (int attempt = 0; ; attempt++) {
            String id = UUID.nameUUIDFromBytes((source + "|" + std + "|" + name + "|" + attempt)
                    .getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
            if (wanted < 0 || partitionOf(source + ":" + id) == wanted) {
                return id;
            }
        }
    }

    /** The partition the producer's default partitioner picks for a key. */
    static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    /** A producer that publishes as the scraper does: acknowledged by all, idempotent, at once. */
    static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    }

    /** Like the scraper: a run's snapshots, acknowledged, then its verdict; timestamps {@code base + atMillis}. */
    static void publish(KafkaProducer<String, String> producer, Step step, long base) throws Exception {
        List<Message> pending = new ArrayList<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Message m : step.messages()) {
            if (m.topic().equals(Topics.SCRAPE_RUNS)) {
                awaitAcks(pending, sent);
            }
            pending.add(m);
            sent.add(producer.send(new ProducerRecord<>(m.topic(), null, base + m.atMillis(), m.key(), m.value())));
        }
        awaitAcks(pending, sent);
    }

    private static void awaitAcks(List<Message> pending, List<Future<RecordMetadata>> sent) throws Exception {
        for (int i = 0; i < pending.size(); i++) {
            RecordMetadata meta = sent.get(i).get();
            Message m = pending.get(i);
            // All items of one standard share a partition, so they keep their order.
            if (m.topic().equals(Topics.SNAPSHOTS) && meta.partition() != partitionOf(m.key())) {
                throw new IllegalStateException(m.key() + " went to partition " + meta.partition() + ", not "
                        + partitionOf(m.key()));
            }
        }
        pending.clear();
        sent.clear();
    }

    // ---------------------------------------------------------------------------------------------------- steps

    private final class StepBuilder {
        private final Map<String, Health> health = new HashMap<>();
        private final Map<String, String> reasons = new HashMap<>();

        StepBuilder put(Item item) {
            lists.get(item.content().source()).put(item.content().itemKey(), item);
            return this;
        }

        /** A new item on top of its list (published before the others in the run). */
        StepBuilder putFirst(Item item) {
            LinkedHashMap<String, Item> list = lists.get(item.content().source());
            LinkedHashMap<String, Item> reordered = new LinkedHashMap<>();
            reordered.put(item.content().itemKey(), item);
            list.forEach(reordered::putIfAbsent);
            list.clear();
            list.putAll(reordered);
            return this;
        }

        /** Every item of standard {@code std} leaves the list of {@code source}. */
        StepBuilder remove(String source, String std) {
            if (!lists.get(source).values().removeIf(i -> i.standard().equals(std))) {
                throw new IllegalArgumentException(std + " is not on " + source);
            }
            return this;
        }

        StepBuilder health(String source, Health h, String reason) {
            health.put(source, h);
            reasons.put(source, reason);
            return this;
        }
    }

    private void step(String story, Consumer<StepBuilder> changes) {
        StepBuilder b = new StepBuilder();
        changes.accept(b);
        int index = steps.size();
        Instant stepStart = T0.plus(STEP.multipliedBy(index));
        List<Run> runs = new ArrayList<>();
        Map<String, List<String>> touched = new TreeMap<>();
        for (int i = 0; i < SOURCES.size(); i++) {
            String source = SOURCES.get(i);
            Health health = b.health.getOrDefault(source, Health.HEALTHY);
            Instant startedAt = stepStart.plus(Duration.ofMinutes(5L * i));
            Instant observedAt = startedAt.plusSeconds(40);
            Instant finishedAt = startedAt.plusSeconds(75);
            String runId = UUID.nameUUIDFromBytes(("run|" + index + "|" + source).getBytes(StandardCharsets.UTF_8))
                    .toString();
            List<Snapshot> snapshots = new ArrayList<>();
            if (health != Health.FAILED) {
                Set<String> now = new HashSet<>();
                for (Item item : lists.get(source).values()) {
                    Snapshot c = item.content();
                    String hash = contentHash(c);
                    snapshots.add(new Snapshot(c.source(), c.generation(), c.itemKey(), c.sourceUrl(), c.kind(), c.title(),
                            c.standardIds(), c.bookTitles(), c.stage(), c.dates(), c.attachments(), c.documentNumber(),
                            hash, observedAt, runId, c.listing()));
                    now.add(c.itemKey());
                    if (!hash.equals(lastHash.put(c.itemKey(), hash))) {
                        touched.computeIfAbsent(item.standard(), k -> new ArrayList<>()).add(c.itemKey());
                    }
                }
                for (String gone : lastPublished.getOrDefault(source, Set.of())) {
                    if (!now.contains(gone)) {
                        touched.computeIfAbsent(standardOf(gone), k -> new ArrayList<>()).add(gone + " (gone)");
                        lastHash.remove(gone);
                    }
                }
                lastPublished.put(source, now);
            }
            boolean healthy = health == Health.HEALTHY;
            runs.add(new Run(new ScrapeRun(runId, source, health == Health.FAILED ? null : SiteGeneration.PORTAL,
                    health == Health.FAILED ? 1 : 2, 20_000L * snapshots.size(), snapshots.size(), 0, List.of(), health,
                    healthy ? null : b.reasons.get(source), healthy, startedAt, finishedAt), List.copyOf(snapshots)));
        }
        touched.forEach((std, items) -> {
            if (items.size() > 1) {
                throw new IllegalStateException("step " + index + ": " + std + " has " + items.size()
                        + " new, changed or gone items in one step (" + items + "); the driver and the real differ may"
                        + " then see them in different orders");
            }
        });
        steps.add(new Step(index, story, List.copyOf(runs)));
    }

    private static String standardOf(String itemKey) {
        synchronized (STANDARD_OF_ITEM) {
            return STANDARD_OF_ITEM.get(itemKey);
        }
    }

    /** SHA-256 of the content fields (the run's own fields left out), like the scraper's. */
    private static String contentHash(Snapshot content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(EventJson.mapper()
                    .writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte x : digest) {
                hex.append(String.format("%02x", x));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The standards (S01…S20) the steps speak of. */
    static Set<String> standardsIn(List<Step> steps) {
        Set<String> all = new TreeSet<>();
        steps.forEach(step -> step.runs().forEach(r -> r.snapshots().forEach(s -> all.add(standardOf(s)))));
        return all;
    }

    static String describe(List<Step> steps) {
        StringBuilder out = new StringBuilder();
        for (Step step : steps) {
            out.append("step ").append(step.index()).append(": ").append(step.story()).append("\n    ");
            out.append(String.join(", ", step.runs().stream()
                    .map(r -> r.run().source() + " " + r.run().health() + " " + r.run().items())
                    .toList()));
            out.append('\n');
        }
        return out.toString();
    }
}

package org.tc260watch.differ.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tc260watch.differ.Fixtures.CATALOGUE;
import static org.tc260watch.differ.Fixtures.NOTICES;
import static org.tc260watch.differ.Fixtures.SOURCE;
import static org.tc260watch.differ.Fixtures.draft;
import static org.tc260watch.differ.Fixtures.item;
import static org.tc260watch.differ.Fixtures.listed;
import static org.tc260watch.differ.Fixtures.rerun;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.Health;
import org.tc260watch.events.ItemDates;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.events.Topics;

/** The differ's whole topology on a TopologyTestDriver: every change type and every "never cry wolf" rule. */
class DifferTopologyTest {

    private static final Instant T0 = Instant.parse("2026-02-11T02:00:00Z");
    private static final Duration POLL = Duration.ofMinutes(30);

    @TempDir
    Path stateDir;

    private DriverHarness d;
    private int runNo;

    @BeforeEach
    void start() {
        d = new DriverHarness(stateDir.resolve("a"));
    }

    @AfterEach
    void stop() {
        d.close();
    }

    private static Instant at(int poll) {
        return T0.plus(POLL.multipliedBy(poll));
    }

    private Snapshot[] drafts(String runId, Instant at) {
        return new Snapshot[] {
            draft("a1", "个人信息保护合规审计专业机构能力要求", "2026-02-11", "2026-04-12", runId, at),
            draft("b2", "数据分类分级规则", "2026-02-20", "2026-04-21", runId, at),
            draft("c3", "个人信息匿名化处理指南及评价方法", "2026-03-01", "2026-04-30", runId, at),
        };
    }

    private String nextRun() {
        return "r" + (++runNo);
    }

    /** A healthy complete run of the comment list with the three drafts, plus {@code extra} items. */
    private void pollDrafts(int poll, Snapshot... extra) {
        String id = nextRun();
        Snapshot[] base = drafts(id, at(poll));
        Snapshot[] all = new Snapshot[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        for (int i = 0; i < extra.length; i++) {
            all[base.length + i] = rerun(extra[i], id, at(poll));
        }
        d.poll(SOURCE, id, Health.HEALTHY, true, at(poll), all);
    }

    private void pollSource(String source, int poll, Health health, boolean complete, Snapshot... items) {
        String id = nextRun();
        Snapshot[] all = new Snapshot[items.length];
        for (int i = 0; i < items.length; i++) {
            all[i] = rerun(items[i], id, at(poll));
        }
        d.poll(source, id, health, complete, at(poll), all);
    }

    @Nested
    class Baseline {

        @Test
        void theFirstHealthyRunFillsStateSilentlyAndSaysSoOnceWithCounts() {
            pollDrafts(0);

            assertThat(d.told()).singleElement().satisfies(c -> {
                assertThat(c.type()).isEqualTo(ChangeType.SOURCE_BASELINED);
                assertThat(c.standardKey()).isEqualTo("source:" + SOURCE);
                assertThat(c.changes()).containsExactly(new FieldChange("items", null, "3"),
                        new FieldChange("standards", null, "3"));
            });
            assertThat(d.standardsByKey()).containsOnlyKeys(
                    "title:数据安全技术个人信息保护合规审计专业机构能力要求", "title:数据安全技术数据分类分级规则",
                    "title:数据安全技术个人信息匿名化处理指南及评价方法");
        }

        @Test
        void runsBeforeTheFirstHealthyOneAreSilentButTheirHealthIsTold() {
            Snapshot[] partial = drafts("r1", at(0));
            d.poll(SOURCE, "r1", Health.DEGRADED, false, at(0), partial[0]);
            d.poll(SOURCE, "r2", Health.FAILED, false, at(1));
            runNo = 2;
            pollDrafts(2);
            assertThat(d.told()).extracting(c -> c.type().wireName() + " " + c.changes().get(0).to()).containsExactly(
                    "source.health-changed DEGRADED", "source.health-changed FAILED", "source.baselined 3");

            pollDrafts(3, draft("d4", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "x", at(3)));
            assertThat(d.told()).extracting(ChangeEvent::type).containsExactly(ChangeType.STANDARD_ADDED);
        }

        @Test
        void snapshotsOfTheBaselineRunArrivingAfterItsVerdictStaySilent() {
            d.runs.pipeInput(SOURCE, DriverHarness.run(SOURCE, "r1", Health.HEALTHY, true, 3, at(0)));
            for (Snapshot s : drafts("r1", at(0))) {
                d.snapshots.pipeInput(s.itemKey(), s);
            }
            assertThat(d.toldAboutStandards()).isEmpty();
        }

        @Test
        void eachSourceHasItsOwnBaseline() {
            pollDrafts(0);
            d.told();
            pollSource(CATALOGUE, 1, Health.HEALTHY, true,
                    listed("GB/T 45001-2025", "数据安全技术 新来源标准", Stage.IN_FORCE, "2025-03-01", "2025-09-01", "x", at(1)));
            assertThat(d.told()).extracting(ChangeEvent::type).containsExactly(ChangeType.SOURCE_BASELINED);
        }
    }

    @Nested
    class Changes {

        @BeforeEach
        void baseline() {
            pollDrafts(0);
            d.told();
            d.standardsByKey();
        }

        @Test
        void aNewDraftIsOneAddedChange() {
            pollDrafts(1, draft("d4", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "x", at(1)));

            ChangeEvent added = single(d.told());
            assertThat(added.type()).isEqualTo(ChangeType.STANDARD_ADDED);
            assertThat(added.standardKey()).isEqualTo("title:数据安全技术数据出境安全评估指南");
            assertThat(added.state().commentEnd()).hasToString("2026-05-04");
            assertThat(added.state().title()).isEqualTo("数据安全技术 数据出境安全评估指南");
            assertThat(added.changes()).contains(new FieldChange("commentEnd", null, "2026-05-04"));
            assertThat(added.sourceUrls()).containsExactly("https://www.tc260.org.cn/portal/suggestion/d4");
            assertThat(added.detectedAt()).isEqualTo(at(1));
        }

        @Test
        void aMovedDeadlineIsOneDeadlineChangedWithTheFieldDiff() {
            pollDrafts(1, draft("a1", "个人信息保护合规审计专业机构能力要求", "2026-02-11", "2026-04-30", "x", at(1)));
            // (a1 appears twice in that run: the moved one is read last, as a page re-read would)
            ChangeEvent moved = single(d.told());
            assertThat(moved.type()).isEqualTo(ChangeType.DEADLINE_CHANGED);
            assertThat(moved.changes()).containsExactly(new FieldChange("commentEnd", "2026-04-12", "2026-04-30"));
            assertThat(moved.state().version()).isEqualTo(2);
        }

        @Test
        void laterStagesAreStageChangesWithHistory() {
            Snapshot review = item(NOTICES, "n1", "数据安全技术 数据分类分级规则（送审稿）", List.of(), Stage.REVIEW_DRAFT,
                    ItemDates.NONE, List.of(), "x", at(1));
            pollSource(NOTICES, 1, Health.HEALTHY, true, review);
            d.told();
            Snapshot approval = item(NOTICES, "n2", "数据安全技术 数据分类分级规则（报批稿）", List.of(), Stage.APPROVAL_DRAFT,
                    ItemDates.NONE, List.of(), "x", at(2));
            pollSource(NOTICES, 2, Health.HEALTHY, true, review, approval);

            ChangeEvent c = single(d.told());
            assertThat(c.type()).isEqualTo(ChangeType.STAGE_CHANGED);
            assertThat(c.changes()).containsExactly(new FieldChange("stage", "REVIEW_DRAFT", "APPROVAL_DRAFT"));
            assertThat(c.state().stageHistory()).extracting(s -> s.stage())
                    .containsExactly(Stage.COMMENT_DRAFT, Stage.REVIEW_DRAFT, Stage.APPROVAL_DRAFT);
            assertThat(c.state().stageHistory().get(2).since()).isEqualTo(at(2));
        }

        @Test
        void aNewAttachmentIsADocumentUpdate() {
            Snapshot withFile = item(SOURCE, "b2", "数据安全技术 数据分类分级规则", List.of(), Stage.COMMENT_DRAFT,
                    drafts("x", at(1))[1].dates(), List.of(new org.tc260watch.events.Attachment("编制说明", "编制说明.pdf",
                            "https://www.tc260.org.cn/sysFile/downloadFile/9f")), "x", at(1));
            pollDrafts(1, withFile);
            ChangeEvent c = single(d.told());
            assertThat(c.type()).isEqualTo(ChangeType.DOCUMENT_UPDATED);
            assertThat(c.changes()).containsExactly(new FieldChange("attachments", null,
                    "编制说明: 编制说明.pdf <https://www.tc260.org.cn/sysFile/downloadFile/9f>"));
        }

        @Test
        void anUnchangedSiteProducesNothingAtAll() {
            pollDrafts(1);
            pollDrafts(2);
            assertThat(d.told()).isEmpty();
            assertThat(d.standardsByKey()).as("lastSeen alone does not republish state").isEmpty();
        }

        @Test
        void changesAreHeldUntilTheirRunSettles() {
            Snapshot fresh = draft("d4", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "r2", at(1));
            d.snapshots.pipeInput(fresh.itemKey(), fresh);
            assertThat(d.told()).as("verdict not in yet").isEmpty();
            d.runs.pipeInput(SOURCE, DriverHarness.run(SOURCE, "r2", Health.HEALTHY, false, 1, at(1)));
            assertThat(d.told()).extracting(ChangeEvent::type).containsExactly(ChangeType.STANDARD_ADDED);
        }

        @Test
        void aRunWhoseVerdictNeverCameIsToldWhenTheNextVerdictArrives() {
            Snapshot fresh = draft("d4", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "lost", at(1));
            d.snapshots.pipeInput(fresh.itemKey(), fresh);
            pollDrafts(2);
            assertThat(d.told()).extracting(ChangeEvent::type).containsExactly(ChangeType.STANDARD_ADDED);
        }

        @Test
        void aRunMissingSnapshotsSettlesAfterTheTimeoutAndIsToldAnyway() {
            Snapshot fresh = draft("d4", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "r2", at(1));
            d.snapshots.pipeInput(fresh.itemKey(), fresh);
            // The verdict says two snapshots; one never arrives (unreadable, skipped).
            d.runs.pipeInput(SOURCE, DriverHarness.run(SOURCE, "r2", Health.HEALTHY, true, 2, at(1)));
            assertThat(d.told()).isEmpty();
            d.driver.advanceWallClockTime(Duration.ofMinutes(3));
            assertThat(d.told()).extracting(ChangeEvent::type).containsExactly(ChangeType.STANDARD_ADDED);
        }

        @Test
        void healthChangesAreToldWithTheirReasonBothWays() {
            pollSource(SOURCE, 1, Health.DEGRADED, false, drafts("x", at(1)));
            pollDrafts(2);
            assertThat(d.told()).extracting(ChangeEvent::changes).containsExactly(
                    List.of(new FieldChange("health", "HEALTHY", "DEGRADED"), new FieldChange("reason", null, "test: DEGRADED")),
                    List.of(new FieldChange("health", "DEGRADED", "HEALTHY"), new FieldChange("reason", "test: DEGRADED", null)));
        }

        @Test
        void aMalformedSnapshotIsSkippedAndTheStreamGoesOn() {
            var raw = d.driver.createInputTopic(Topics.SNAPSHOTS, new StringSerializer(), new ByteArraySerializer());
            raw.pipeInput("portal.suggestion:broken", "{not json".getBytes(StandardCharsets.UTF_8));
            pollDrafts(1, draft("d4", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "x", at(1)));
            assertThat(d.told()).hasSize(1);
        }
    }

    @Nested
    class Identity {

        @BeforeEach
        void baselines() {
            pollDrafts(0);
            pollSource(CATALOGUE, 0, Health.HEALTHY, true,
                    listed("GB/T 35273-2017", "信息安全技术 个人信息安全规范", Stage.WITHDRAWN, "2017-12-29", "2018-05-01", "x", at(0)));
            pollSource(NOTICES, 0, Health.HEALTHY, true);
            d.told();
            d.standardsByKey();
        }

        @Test
        void aDraftWithoutANumberPublishedAsGbtIsOneStandardWhoseKeyMigrates() {
            pollSource(CATALOGUE, 1, Health.HEALTHY, true,
                    listed("GB/T 35273-2017", "信息安全技术 个人信息安全规范", Stage.WITHDRAWN, "2017-12-29", "2018-05-01", "x", at(1)),
                    listed("GB/T 45100-2026", "数据安全技术 数据分类分级规则", Stage.PUBLISHED, "2026-06-30", "2027-01-01", "x", at(1)));

            ChangeEvent published = single(d.told());
            assertThat(published.type()).isEqualTo(ChangeType.PUBLISHED);
            assertThat(published.standardKey()).isEqualTo("GB/T 45100-2026");
            assertThat(published.changes()).contains(
                    new FieldChange("key", "title:数据安全技术数据分类分级规则", "GB/T 45100-2026"),
                    new FieldChange("stage", "COMMENT_DRAFT", "PUBLISHED"),
                    new FieldChange("published", null, "2026-06-30"),
                    new FieldChange("implementation", null, "2027-01-01"));
            StandardState state = published.state();
            assertThat(state.previousKeys()).containsExactly("title:数据安全技术数据分类分级规则");
            assertThat(state.ids()).containsExactly("GB/T 45100-2026");
            assertThat(state.itemKeys()).containsExactly("portal.suggestion:b2", "portal.standards:GB/T 45100-2026");
            assertThat(state.commentEnd()).hasToString("2026-04-21");

            Map<String, StandardState> topic = d.standardsByKey();
            assertThat(topic).containsKey("GB/T 45100-2026");
            assertThat(topic.get("title:数据安全技术数据分类分级规则")).as("old key retired (tombstone)").isNull();
            assertThat(topic).containsKey("title:数据安全技术数据分类分级规则");

            // Its draft notice, read again, still lands on the same standard and changes nothing.
            pollDrafts(2);
            assertThat(d.told()).isEmpty();
        }

        @Test
        void theOldInformationSecurityPrefixIsTheSameStandardUnderTheNewName() {
            Snapshot old = item(SOURCE, "e5", "信息安全技术 网络安全等级保护测评要求", List.of(), Stage.COMMENT_DRAFT,
                    new ItemDates(null, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-04-01"), null), List.of(), "x", at(1));
            pollDrafts(1, old);
            assertThat(single(d.told()).standardKey()).isEqualTo("title:网络安全技术网络安全等级保护测评要求");

            pollSource(CATALOGUE, 2, Health.HEALTHY, true,
                    listed("GB/T 35273-2017", "信息安全技术 个人信息安全规范", Stage.WITHDRAWN, "2017-12-29", "2018-05-01", "x", at(2)),
                    listed("GB/T 28449-2026", "网络安全技术 网络安全等级保护测评要求", Stage.PUBLISHED, "2026-08-01", "2027-02-01", "x", at(2)));
            List<ChangeEvent> told = d.told();
            assertThat(told).extracting(ChangeEvent::type).containsExactly(ChangeType.PUBLISHED, ChangeType.TITLE_CHANGED);
            assertThat(told).extracting(ChangeEvent::standardKey).containsOnly("GB/T 28449-2026");
            assertThat(told.get(1).changes()).containsExactly(new FieldChange("title",
                    "信息安全技术 网络安全等级保护测评要求", "网络安全技术 网络安全等级保护测评要求"));
            assertThat(told.get(1).state().titles()).containsExactly(
                    "信息安全技术 网络安全等级保护测评要求", "网络安全技术 网络安全等级保护测评要求");
        }

        @Test
        void twoEditionsWithOneTitleAreTwoStandards() {
            pollSource(CATALOGUE, 1, Health.HEALTHY, true,
                    listed("GB/T 35273-2017", "信息安全技术 个人信息安全规范", Stage.WITHDRAWN, "2017-12-29", "2018-05-01", "x", at(1)),
                    listed("GB/T 35273-2020", "信息安全技术 个人信息安全规范", Stage.IN_FORCE, "2020-03-06", "2020-10-01", "x", at(1)));
            ChangeEvent added = single(d.told());
            assertThat(added.type()).isEqualTo(ChangeType.STANDARD_ADDED);
            assertThat(added.standardKey()).isEqualTo("GB/T 35273-2020");
            assertThat(added.state().stage()).isEqualTo(Stage.IN_FORCE);
        }

        @Test
        void aPlanNumberLearntLaterMovesTheKeyAndTheNextChangeCarriesIt() {
            Snapshot plan = item(NOTICES, "p1", "数据安全技术 个人信息匿名化处理指南及评价方法", List.of("20250123-T-469"),
                    Stage.COMMENT_DRAFT, ItemDates.NONE, List.of(), "x", at(1));
            pollSource(NOTICES, 1, Health.HEALTHY, true, plan);
            assertThat(d.told()).as("a new identifier alone tells nobody").isEmpty();
            assertThat(d.standardsByKey()).containsKey("20250123-T-469");

            pollDrafts(2, draft("c3", "个人信息匿名化处理指南及评价方法", "2026-03-01", "2026-05-15", "x", at(2)));
            ChangeEvent moved = single(d.told());
            assertThat(moved.type()).isEqualTo(ChangeType.DEADLINE_CHANGED);
            assertThat(moved.standardKey()).isEqualTo("20250123-T-469");
            assertThat(moved.state().previousKeys()).containsExactly("title:数据安全技术个人信息匿名化处理指南及评价方法");
        }

        @Test
        void anItemNamingTwoKnownStandardsMergesThemSilentlyUnderTheBetterKey() {
            Snapshot plan = item("portal.plan", "20240001-T-469", "数据安全技术 数据分类和分级规则", List.of("20240001-T-469"),
                    Stage.PROJECT_APPROVED, ItemDates.NONE, List.of(), "x", at(1));
            pollSource("portal.plan", 1, Health.HEALTHY, true, plan);
            d.told();
            d.standardsByKey();
            pollSource("portal.plan", 2, Health.HEALTHY, true, plan);
            assertThat(d.standardsByKey()).isEmpty();

            // A notice names the plan number and the draft's title: the draft joins the planned standard.
            Snapshot bridge = item(NOTICES, "n7", "数据安全技术 数据分类分级规则", List.of("20240001-T-469"), null,
                    ItemDates.NONE, List.of(), "x", at(3));
            pollSource(NOTICES, 3, Health.HEALTHY, true, bridge);
            assertThat(d.toldAboutStandards()).as("the merge itself is silent: both were told already; the notice's own"
                    + " title is news").extracting(ChangeEvent::type).containsExactly(ChangeType.TITLE_CHANGED);
            Map<String, StandardState> topic = d.standardsByKey();
            assertThat(topic.get("title:数据安全技术数据分类分级规则")).as("retired").isNull();
            StandardState merged = topic.get("20240001-T-469");
            assertThat(merged.itemKeys()).contains("portal.plan:20240001-T-469", "portal.suggestion:b2", "portal.notices:n7");
            assertThat(merged.previousKeys()).contains("title:数据安全技术数据分类分级规则");
            assertThat(merged.stage()).isEqualTo(Stage.COMMENT_DRAFT);
            assertThat(merged.commentEnd()).hasToString("2026-04-21");

            // The draft's notice now speaks of the merged standard.
            pollDrafts(4, draft("b2", "数据分类分级规则", "2026-02-20", "2026-05-20", "x", at(4)));
            ChangeEvent moved = single(d.told());
            assertThat(moved.type()).isEqualTo(ChangeType.DEADLINE_CHANGED);
            assertThat(moved.standardKey()).isEqualTo("20240001-T-469");
            assertThat(moved.state().origin()).isEqualTo("20240001-T-469");
        }

        @Test
        void aNewsItemCitingSeveralNumbersDoesNotTieThemTogether() {
            Snapshot news = item(NOTICES, "n9", "关于发布两项国家标准的公告", List.of("GB/T 45200-2026", "GB/T 45201-2026"),
                    Stage.PUBLISHED, ItemDates.NONE, List.of(), "x", at(1));
            pollSource(NOTICES, 1, Health.HEALTHY, true, news);
            pollSource(CATALOGUE, 2, Health.HEALTHY, true,
                    listed("GB/T 35273-2017", "信息安全技术 个人信息安全规范", Stage.WITHDRAWN, "2017-12-29", "2018-05-01", "x", at(2)),
                    listed("GB/T 45201-2026", "数据安全技术 另一项标准", Stage.PUBLISHED, "2026-07-01", "2027-01-01", "x", at(2)));
            assertThat(d.told()).extracting(ChangeEvent::standardKey)
                    .containsExactly("GB/T 45200-2026", "GB/T 45201-2026");
        }
    }

    @Nested
    class NeverCryWolf {

        private final Snapshot kept = listed("GB/T 35273-2020", "信息安全技术 个人信息安全规范", Stage.IN_FORCE,
                "2020-03-06", "2020-10-01", "x", at(0));
        private final Snapshot leaving = listed("GB/T 20000-2019", "网络安全技术 将被移除的标准", Stage.IN_FORCE,
                "2019-01-01", "2019-07-01", "x", at(0));

        @BeforeEach
        void baselines() {
            pollDrafts(0);
            pollSource(CATALOGUE, 0, Health.HEALTHY, true, kept, leaving);
            d.told();
        }

        @Test
        void withdrawnOnlyAfterThreeHealthyCompleteRunsWithoutIt() {
            pollSource(CATALOGUE, 1, Health.HEALTHY, true, kept);
            pollSource(CATALOGUE, 2, Health.DEGRADED, false, kept);
            pollSource(CATALOGUE, 3, Health.HEALTHY, false, kept);
            pollSource(CATALOGUE, 4, Health.FAILED, false);
            pollSource(CATALOGUE, 5, Health.HEALTHY, true, kept);
            assertThat(d.toldAboutStandards()).as("two healthy complete runs; the others count for nothing").isEmpty();

            pollSource(CATALOGUE, 6, Health.HEALTHY, true, kept);
            ChangeEvent w = single(d.toldAboutStandards());
            assertThat(w.type()).isEqualTo(ChangeType.WITHDRAWN);
            assertThat(w.standardKey()).isEqualTo("GB/T 20000-2019");
            assertThat(w.changes()).contains(new FieldChange("stage", "IN_FORCE", "WITHDRAWN"));
            assertThat(w.state().itemKeys()).isEmpty();

            pollSource(CATALOGUE, 7, Health.HEALTHY, true, kept);
            assertThat(d.toldAboutStandards()).as("once").isEmpty();
        }

        @Test
        void anItemBackBeforeTheThirdRunResetsTheCount() {
            pollSource(CATALOGUE, 1, Health.HEALTHY, true, kept);
            pollSource(CATALOGUE, 2, Health.HEALTHY, true, kept);
            pollSource(CATALOGUE, 3, Health.HEALTHY, true, kept, leaving);
            pollSource(CATALOGUE, 4, Health.HEALTHY, true, kept);
            pollSource(CATALOGUE, 5, Health.HEALTHY, true, kept);
            assertThat(d.toldAboutStandards()).isEmpty();
        }

        @Test
        void aCommentNoticeLeavingTheOpenListAfterItsDeadlineIsClosedNotWithdrawn() {
            // a1 closes on 2026-04-12; it leaves the list in May.
            Instant may = Instant.parse("2026-05-02T02:00:00Z");
            for (int i = 0; i < 3; i++) {
                String id = nextRun();
                Instant t = may.plus(POLL.multipliedBy(i));
                Snapshot[] rest = drafts(id, t);
                d.poll(SOURCE, id, Health.HEALTHY, true, t, rest[1], rest[2]);
            }
            ChangeEvent closed = single(d.toldAboutStandards());
            assertThat(closed.type()).isEqualTo(ChangeType.COMMENT_PERIOD_CLOSED);
            assertThat(closed.standardKey()).isEqualTo("title:数据安全技术个人信息保护合规审计专业机构能力要求");
            assertThat(closed.state().commentClosed()).hasToString("2026-05-02");
            assertThat(closed.state().stage()).isEqualTo(Stage.COMMENT_DRAFT);
        }

        @Test
        void aCommentNoticeLeavingBeforeItsDeadlineIsAWithdrawnDraft() {
            for (int i = 1; i <= 3; i++) {
                String id = nextRun();
                Snapshot[] rest = drafts(id, at(i));
                d.poll(SOURCE, id, Health.HEALTHY, true, at(i), rest[1], rest[2]);
            }
            ChangeEvent w = single(d.toldAboutStandards());
            assertThat(w.type()).isEqualTo(ChangeType.WITHDRAWN);
            assertThat(w.changes()).contains(new FieldChange("stage", "COMMENT_DRAFT", "WITHDRAWN"));
        }

        @Test
        void anArchiveItemScrollingAwayTellsNothing() {
            Snapshot notice = item(NOTICES, "n1", "数据安全技术 数据分类分级规则", List.of(), Stage.COMMENT_DRAFT,
                    ItemDates.NONE, List.of(), "x", at(1));
            pollSource(NOTICES, 1, Health.HEALTHY, true, notice);
            for (int i = 2; i <= 5; i++) {
                pollSource(NOTICES, i, Health.HEALTHY, true);
            }
            assertThat(d.toldAboutStandards()).isEmpty();
        }

        @Test
        void aStandardStillListedElsewhereIsNotWithdrawn() {
            Snapshot alsoInPlan = item("portal.plan", "GB/T 20000-2019", "网络安全技术 将被移除的标准", List.of("GB/T 20000-2019"),
                    Stage.IN_FORCE, ItemDates.NONE, List.of(), "x", at(1));
            alsoInPlan = new Snapshot(alsoInPlan.source(), alsoInPlan.generation(), alsoInPlan.itemKey(), alsoInPlan.sourceUrl(),
                    alsoInPlan.kind(), alsoInPlan.title(), alsoInPlan.standardIds(), alsoInPlan.bookTitles(), alsoInPlan.stage(),
                    alsoInPlan.dates(), alsoInPlan.attachments(), null, alsoInPlan.contentHash(), at(1), "x",
                    org.tc260watch.events.Listing.CATALOGUE);
            pollSource("portal.plan", 1, Health.HEALTHY, true, alsoInPlan);
            for (int i = 2; i <= 4; i++) {
                pollSource(CATALOGUE, i, Health.HEALTHY, true, kept);
            }
            assertThat(d.toldAboutStandards()).isEmpty();
        }

        @Test
        void aCatalogueSayingWithdrawnIsAWithdrawal() {
            pollSource(CATALOGUE, 1, Health.HEALTHY, true, kept, listed("GB/T 20000-2019", "网络安全技术 将被移除的标准",
                    Stage.WITHDRAWN, "2019-01-01", "2019-07-01", "x", at(1)));
            assertThat(single(d.told()).type()).isEqualTo(ChangeType.WITHDRAWN);
        }

        @Test
        void aFieldThatGoesAToBToAWithinOneRunIsNoChange() {
            // Two notices of one draft in one run: the first moves the deadline, the second (edited too) moves it back.
            Snapshot repost = item(SOURCE, "a1-repost", "数据安全技术 个人信息保护合规审计专业机构能力要求", List.of(),
                    Stage.COMMENT_DRAFT, drafts("x", at(0))[0].dates(), List.of(), "x", at(0));
            pollDrafts(1, repost);
            d.told();
            Snapshot moved = draft("a1", "个人信息保护合规审计专业机构能力要求", "2026-02-11", "2026-04-30", "x", at(2));
            Snapshot back = new Snapshot(repost.source(), repost.generation(), repost.itemKey(), repost.sourceUrl(),
                    repost.kind(), "《数据安全技术 个人信息保护合规审计专业机构能力要求》（更正）", repost.standardIds(),
                    repost.bookTitles(), repost.stage(), repost.dates(), repost.attachments(), null, "edited", at(2), "x",
                    repost.listing());
            String id = nextRun();
            Snapshot[] base = drafts(id, at(2));
            d.poll(SOURCE, id, Health.HEALTHY, true, at(2), rerun(moved, id, at(2)), base[1], base[2],
                    rerun(back, id, at(2)));
            assertThat(d.told()).as("2026-04-12 → 2026-04-30 → 2026-04-12").isEmpty();
        }

        @Test
        void aPageThatKeepsSayingAnOldValueDoesNotUndoAnotherPagesChange() {
            Snapshot notice = item(NOTICES, "n1", "数据安全技术 数据分类分级规则", List.of(), Stage.COMMENT_DRAFT,
                    drafts("x", at(1))[1].dates(), List.of(), "x", at(1));
            pollSource(NOTICES, 1, Health.HEALTHY, true, notice);
            pollDrafts(2, draft("b2", "数据分类分级规则", "2026-02-20", "2026-05-20", "x", at(2)));
            assertThat(single(d.toldAboutStandards()).type()).isEqualTo(ChangeType.DEADLINE_CHANGED);
            pollSource(NOTICES, 3, Health.HEALTHY, true, notice);
            pollSource(NOTICES, 4, Health.HEALTHY, true, notice);
            assertThat(d.told()).isEmpty();
        }
    }

    @Nested
    class Replay {

        @Test
        void replayingTheSameInputGivesTheSameChangeIds() throws Exception {
            List<String> first = scriptedLife();
            d.close();
            d = new DriverHarness(Files.createDirectories(stateDir.resolve("b")));
            runNo = 0;
            List<String> second = scriptedLife();
            assertThat(first).hasSize(3).doesNotHaveDuplicates();
            assertThat(second).isEqualTo(first);
        }

        private List<String> scriptedLife() {
            pollDrafts(0);
            pollDrafts(1, draft("b2", "数据分类分级规则", "2026-02-20", "2026-05-20", "x", at(1)),
                    draft("d4", "数据出境安全评估指南", "2026-03-05", "2026-05-04", "x", at(1)));
            return d.told().stream().map(ChangeEvent::id).toList();
        }
    }

    private static ChangeEvent single(List<ChangeEvent> told) {
        assertThat(told).hasSize(1);
        return told.get(0);
    }
}

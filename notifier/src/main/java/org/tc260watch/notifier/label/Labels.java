package org.tc260watch.notifier.label;

import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.notifier.matching.TopicTagger;

/**
 * The one table of Chinese and English labels: change types, stages, item kinds, the fields of
 * {@code ChangeEvent.changes}, and topics. The fixed vocabularies are static; topic labels come from the topic rule
 * file, so they need the configured {@link TopicTagger} (inject this bean).
 */
@Singleton
public class Labels {

    /** Every field name the differ writes into {@code FieldChange.field}, with its label. */
    private static final Map<String, Label> FIELDS = fields();

    private final TopicTagger tagger;

    public Labels(TopicTagger tagger) {
        this.tagger = tagger;
    }

    /** What happened. */
    public static Label type(ChangeType type) {
        return switch (type) {
            case STANDARD_ADDED -> new Label("新增", "New");
            case STAGE_CHANGED -> new Label("阶段变更", "Stage changed");
            case PUBLISHED -> new Label("已发布", "Published");
            case DEADLINE_CHANGED -> new Label("截止日期变更", "Deadline changed");
            case TITLE_CHANGED -> new Label("名称变更", "Title changed");
            case DOCUMENT_UPDATED -> new Label("文件更新", "Document updated");
            case COMMENT_PERIOD_CLOSING -> new Label("即将截止", "Closing soon");
            case COMMENT_PERIOD_CLOSED -> new Label("征求意见已截止", "Comment period closed");
            case WITHDRAWN -> new Label("已废止", "Withdrawn");
            case SOURCE_HEALTH_CHANGED -> new Label("数据源状态", "Source health changed");
            case SOURCE_BASELINED -> new Label("数据源基线", "Source baselined");
        };
    }

    /** TC260's stage name and its English label, as {@link Stage} defines them. */
    public static Label stage(Stage stage) {
        return new Label(stage.chinese(), stage.english());
    }

    /** What an item on the site is. */
    public static Label kind(ItemKind kind) {
        return switch (kind) {
            case COMMENT_DRAFT_NOTICE -> new Label("征求意见通知", "Call for comments");
            case NOTICE -> new Label("通知公告", "Notice");
            case PUBLICATION_ANNOUNCEMENT -> new Label("发布公告", "Publication announcement");
            case PRACTICE_GUIDE -> new Label("网络安全标准实践指南", "Practice guide");
            case TECHNICAL_DOCUMENT -> new Label("委员会技术文件", "Committee technical document");
            case RESEARCH_REPORT -> new Label("研究报告", "Research report");
            case PLAN_ITEM -> new Label("标准计划项目", "Standard plan item");
            case PUBLISHED_STANDARD -> new Label("已发布标准", "Published standard");
        };
    }

    /** The label of a field of {@code ChangeEvent.changes}; an unknown field keeps its name in both languages. */
    public static Label field(String field) {
        String name = field == null ? "" : field;
        return FIELDS.getOrDefault(name, new Label(name, name));
    }

    /** The field names {@link #field} knows, in a fixed order. */
    public static List<String> fieldNames() {
        return List.copyOf(FIELDS.keySet());
    }

    /** A topic tag's labels from the rule file; empty for an unknown tag. */
    public Optional<Label> topic(String tag) {
        return tagger.topic(tag).map(t -> new Label(t.zh(), t.en()));
    }

    private static Map<String, Label> fields() {
        Map<String, Label> f = new LinkedHashMap<>();
        f.put("key", new Label("标识", "Key"));
        f.put("ids", new Label("标准号", "Identifiers"));
        f.put("title", new Label("标准名称", "Title"));
        f.put("kind", new Label("类型", "Kind"));
        f.put("stage", new Label("阶段", "Stage"));
        f.put("commentStart", new Label("征求意见开始", "Comment period opens"));
        f.put("commentEnd", new Label("截止日期", "Deadline"));
        f.put("deadline", new Label("截止日期", "Deadline"));
        f.put("commentClosed", new Label("征求意见截止于", "Comment period closed on"));
        f.put("daysLeft", new Label("剩余天数", "Days left"));
        f.put("published", new Label("发布日期", "Published"));
        f.put("implementation", new Label("实施日期", "In force"));
        f.put("attachments", new Label("文件", "Documents"));
        f.put("listed", new Label("列表条目", "Listed item"));
        // Fields of source events (source.health-changed, source.baselined).
        f.put("health", new Label("数据源状态", "Source health"));
        f.put("reason", new Label("原因", "Reason"));
        f.put("items", new Label("条目数", "Items"));
        f.put("standards", new Label("标准数", "Standards"));
        return Collections.unmodifiableMap(f);
    }
}

package org.tc260watch.notifier.mail;

import org.tc260watch.events.ChangeType;
import org.tc260watch.events.Stage;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.subscription.MailLanguage;

/**
 * Every label of a mail in the subscriber's language: Chinese, English, or both as {@code 截止日期 / Deadline}. Titles
 * and other scraped text are never translated; only the words around them are.
 */
public final class Words {

    private final MailLanguage language;

    private Words(MailLanguage language) {
        this.language = language == null ? MailLanguage.BOTH : language;
    }

    public static Words of(MailLanguage language) {
        return new Words(language);
    }

    public MailLanguage language() {
        return language;
    }

    /** The label in the subscriber's language. */
    public String pick(String zh, String en) {
        return switch (language) {
            case ZH -> zh;
            case EN -> en;
            case BOTH -> zh + " / " + en;
        };
    }

    // --- Fixed labels (no-argument, for the templates) ---------------------------------------------------------

    public String identifiers() {
        return pick("标准号", "Identifiers");
    }

    public String stage() {
        return pick("阶段", "Stage");
    }

    public String commentPeriod() {
        return pick("征求意见期", "Comment period");
    }

    public String deadline() {
        return pick("截止日期", "Deadline");
    }

    public String published() {
        return pick("发布日期", "Published");
    }

    public String implementation() {
        return pick("实施日期", "In force");
    }

    public String topics() {
        return pick("主题", "Topics");
    }

    public String whatChanged() {
        return pick("变更内容", "What changed");
    }

    public String pages() {
        return pick("TC260 页面", "TC260 pages");
    }

    public String documents() {
        return pick("文件", "Documents");
    }

    public String detected() {
        return pick("发现时间", "Detected");
    }

    public String manage() {
        return pick("管理订阅", "Manage your subscription");
    }

    public String unsubscribe() {
        return pick("退订", "Unsubscribe");
    }

    public String why() {
        return pick("您收到此邮件，是因为您订阅了 tc260-watch 的 TC260 标准提醒。",
                "You receive this because you subscribed to tc260-watch alerts about TC260 standards.");
    }

    public String closingSoon() {
        return pick("征求意见即将截止", "Open for comment, closing soon");
    }

    public String openForComment() {
        return pick("征求意见", "Open for comment");
    }

    public String noTitle() {
        return pick("（无标题）", "(untitled)");
    }

    // --- Labels of values ---------------------------------------------------------------------------------------

    /** What happened, as the heading of an alert and of a digest section. */
    public String type(ChangeType type) {
        return switch (type) {
            case STANDARD_ADDED -> pick("新增", "New");
            case STAGE_CHANGED -> pick("阶段变更", "Stage changed");
            case PUBLISHED -> pick("已发布", "Published");
            case DEADLINE_CHANGED -> pick("截止日期变更", "Deadline changed");
            case TITLE_CHANGED -> pick("名称变更", "Title changed");
            case DOCUMENT_UPDATED -> pick("文件更新", "Document updated");
            case COMMENT_PERIOD_CLOSING -> pick("即将截止", "Closing soon");
            case COMMENT_PERIOD_CLOSED -> pick("征求意见已截止", "Comment period closed");
            case WITHDRAWN -> pick("已废止", "Withdrawn");
            case SOURCE_HEALTH_CHANGED -> pick("数据源状态", "Source health changed");
            case SOURCE_BASELINED -> pick("数据源基线", "Source baselined");
        };
    }

    /** {@code 即将截止 / Closing in 7 days}. */
    public String closingIn(long days) {
        return pick("即将截止", days == 1 ? "Closing in 1 day" : "Closing in " + days + " days");
    }

    /** {@code 还剩 3 天 / 3 days left}. */
    public String daysLeft(long days) {
        return pick("还剩 " + days + " 天", days == 1 ? "1 day left" : days + " days left");
    }

    public String stage(Stage stage) {
        return pick(stage.chinese(), stage.english());
    }

    /** The label of a field of {@code ChangeEvent.changes}; an unknown field keeps its name. */
    public String field(String field) {
        return switch (field == null ? "" : field) {
            case "stage" -> stage();
            case "commentEnd", "deadline" -> deadline();
            case "commentStart" -> pick("征求意见开始", "Comment period opens");
            case "commentClosed" -> pick("征求意见截止于", "Comment period closed on");
            case "published" -> published();
            case "implementation" -> implementation();
            case "title" -> pick("标准名称", "Title");
            case "ids" -> identifiers();
            case "key" -> pick("标识", "Key");
            case "attachments" -> documents();
            case "daysLeft" -> pick("剩余天数", "Days left");
            case "listed" -> pick("列表条目", "Listed item");
            case "kind" -> pick("类型", "Kind");
            default -> field;
        };
    }

    /** {@code 2 项变更 / 2 changes}. */
    public String changes(int count) {
        return pick(count + " 项变更", count == 1 ? "1 change" : count + " changes");
    }

    public String digest(DeliveryMode period) {
        return period == DeliveryMode.WEEKLY ? pick("每周摘要", "Weekly digest")
                : pick("每日摘要", "Daily digest");
    }
}

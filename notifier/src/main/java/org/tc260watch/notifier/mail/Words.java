package org.tc260watch.notifier.mail;

import org.tc260watch.events.ChangeType;
import org.tc260watch.events.Stage;
import org.tc260watch.notifier.label.Label;
import org.tc260watch.notifier.label.Labels;
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

    /** A label of {@link Labels} in the subscriber's language (once, when both languages say the same). */
    public String pick(Label label) {
        return language == MailLanguage.BOTH ? label.both() : pick(label.zh(), label.en());
    }

    /** Whether the subscriber reads English labels (and so gets the glossary rendering of titles). */
    public boolean english() {
        return language != MailLanguage.ZH;
    }

    // --- Fixed labels (no-argument, for the templates) ---------------------------------------------------------

    public String identifiers() {
        return field("ids");
    }

    public String stage() {
        return field("stage");
    }

    public String commentPeriod() {
        return pick("征求意见期", "Comment period");
    }

    public String deadline() {
        return field("deadline");
    }

    public String published() {
        return field("published");
    }

    public String implementation() {
        return field("implementation");
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
        return field("attachments");
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

    /** The mark of a glossary rendering: it is never presented as a translation. */
    public String partialEnglish() {
        return pick("英文部分释读（据词汇表，非翻译）", "Partial English rendering (glossary, not a translation)");
    }

    public String noTitle() {
        return pick("（无标题）", "(untitled)");
    }

    // --- Labels of values ---------------------------------------------------------------------------------------

    /** What happened, as the heading of an alert and of a digest section. */
    public String type(ChangeType type) {
        return pick(Labels.type(type));
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
        return pick(Labels.stage(stage));
    }

    /** The label of a field of {@code ChangeEvent.changes}; an unknown field keeps its name. */
    public String field(String field) {
        return pick(Labels.field(field));
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

package org.tc260watch.notifier.mail;

import java.util.List;

/**
 * What a mail says about one change, in the subscriber's language, laid out by the templates (an alert shows one,
 * a digest many).
 *
 * @param heading what happened, e.g. {@code 征求意见 / Open for comment}
 * @param title   the Chinese title as published, in 《》
 * @param english the glossary's partial English rendering of the title (never a translation), for subscribers who
 *                read English; null otherwise
 * @param facts   the standard after the change: identifiers, stage, dates, topics
 * @param changes one line per changed field, value {@code from → to}
 * @param pages   the TC260 pages it was read from
 * @param documents the files linked for it
 * @param changeId the change's id
 */
public record ChangeView(String heading, String title, String english, List<Fact> facts, List<Fact> changes,
        List<Link> pages,
        List<Link> documents, String changeId) {
}

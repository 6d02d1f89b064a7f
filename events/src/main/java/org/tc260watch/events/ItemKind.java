package org.tc260watch.events;

/** What an observed item on the site is. */
public enum ItemKind {
    COMMENT_DRAFT_NOTICE,
    NOTICE,
    PUBLICATION_ANNOUNCEMENT,
    PRACTICE_GUIDE,
    TECHNICAL_DOCUMENT,
    RESEARCH_REPORT,
    PLAN_ITEM,
    PUBLISHED_STANDARD
}

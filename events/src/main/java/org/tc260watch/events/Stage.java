package org.tc260watch.events;

import java.util.Optional;

/**
 * Lifecycle stages of a standard, with TC260's Chinese label and an English one (docs/tc260-site.md §7).
 * Declared in lifecycle order.
 */
public enum Stage {
    PRE_RESEARCH("预研", "pre-research"),
    PROJECT_APPROVED("立项", "project approved"),
    DRAFT("草案", "working draft"),
    COMMENT_DRAFT("征求意见稿", "draft for comment"),
    REVIEW_DRAFT("送审稿", "draft for review"),
    APPROVAL_DRAFT("报批稿", "draft for approval"),
    PUBLISHED("已发布", "published"),
    IN_FORCE("实施", "in force"),
    UNDER_REVISION("修订中", "under revision"),
    WITHDRAWN("废止", "withdrawn");

    private final String chinese;
    private final String english;

    Stage(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /**
     * Reads a stage from a label or one of TC260's status strings: {@code 征求意见稿}, {@code 在研（报批稿）},
     * {@code 修订中（草案）}, {@code 已发布（国际采标）}, {@code 发布}, {@code 实施}, {@code 废止}; also the enum name or
     * English label. A revision in progress is {@link #UNDER_REVISION} whatever its draft stage.
     */
    public static Optional<Stage> fromText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = TextNormaliser.normalise(text);
        for (Stage s : values()) {
            if (t.equalsIgnoreCase(s.name()) || t.equalsIgnoreCase(s.english)) {
                return Optional.of(s);
            }
        }
        if (t.contains("修订中")) {
            return Optional.of(UNDER_REVISION);
        }
        if (t.contains("废止")) {
            return Optional.of(WITHDRAWN);
        }
        // Draft stages before publication words: "在研（报批稿）" speaks of the draft, not of 发布.
        for (Stage s : new Stage[] {APPROVAL_DRAFT, REVIEW_DRAFT, COMMENT_DRAFT}) {
            if (t.contains(s.chinese)) {
                return Optional.of(s);
            }
        }
        // The stage name without 稿, as in "征求意见中" or "…征求意见的通知".
        if (t.contains("征求意见")) {
            return Optional.of(COMMENT_DRAFT);
        }
        if (t.contains("草案")) {
            return Optional.of(DRAFT);
        }
        if (t.contains("发布")) {
            return Optional.of(PUBLISHED);
        }
        if (t.contains("实施")) {
            return Optional.of(IN_FORCE);
        }
        if (t.contains("立项")) {
            return Optional.of(PROJECT_APPROVED);
        }
        if (t.contains("预研")) {
            return Optional.of(PRE_RESEARCH);
        }
        return Optional.empty();
    }
}

package org.tc260watch.notifier.label;

/** A label in Chinese and in English. */
public record Label(String zh, String en) {

    /** {@code 截止日期 / Deadline}: both, Chinese first. */
    public String both() {
        return zh.equals(en) ? zh : zh + " / " + en;
    }
}

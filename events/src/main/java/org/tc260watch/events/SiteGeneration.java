package org.tc260watch.events;

/** The three structures tc260.org.cn has had; see docs/tc260-site.md §1. */
public enum SiteGeneration {
    /** {@code /front/*.html}, until about Oct 2025. */
    LEGACY,
    /** {@code /portal/*}, until 2026-08-31. */
    PORTAL,
    /** {@code /tc260/*.shtml} plus the {@code /tc260-webapp/api} JSON API, since 2026-08-31. */
    SHTML
}

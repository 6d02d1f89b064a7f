/**
 * One {@link org.tc260watch.scraper.source.SourceAdapter} per page type and site generation, in one sub-package
 * per generation ({@code portal/}, later {@code legacy/} and {@code shtml/}). Adding a page type = one adapter
 * class plus fixtures; the poll loop, health rules and publishing do not change.
 */
package org.tc260watch.scraper.source;

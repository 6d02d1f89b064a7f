/**
 * Page types of the legacy {@code /front/} generation (Bootstrap-style pages with query-string ids, at least 2019
 * to about Oct 2025; docs/tc260-site.md §2): the drafts open for comment ({@code legacy.bzzqyj}), the notices
 * ({@code legacy.notices}) and the published-standards query ({@code legacy.published}). No real page of this
 * generation was ever captured: selectors come from other people's scrapers, so every adapter has fallbacks and
 * reads dates and ids from text.
 */
package org.tc260watch.scraper.source.legacy;

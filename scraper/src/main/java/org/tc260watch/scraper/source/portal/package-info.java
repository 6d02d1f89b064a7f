/**
 * Page types of the {@code /portal/} generation (layui + Thymeleaf, about Feb 2026 to Aug 2026), docs/tc260-site.md
 * §3. Lists: {@link org.tc260watch.scraper.source.portal.SuggestionListAdapter} ({@code portal.suggestion}),
 * {@link org.tc260watch.scraper.source.portal.CmsListAdapter} bound to 通知公告, 新闻动态 and 出版物
 * ({@code portal.notices}, {@code portal.news}, {@code portal.publications}), and
 * {@link org.tc260watch.scraper.source.portal.ProjectTableAdapter} for the plan and standard query tables
 * ({@code portal.plan}, {@code portal.standards}). Details:
 * {@link org.tc260watch.scraper.source.portal.SuggestionDetailAdapter} and
 * {@link org.tc260watch.scraper.source.portal.ArticleDetailAdapter}. Only the article page is verified by a real
 * capture; the others read tolerant, documented guesses.
 */
package org.tc260watch.scraper.source.portal;

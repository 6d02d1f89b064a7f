/**
 * Page types of the {@code .shtml} generation (a static-publishing CMS under {@code /tc260/…}, plus the JSON web
 * app under {@code /tc260-webapp/api/…}), live since 2026-08-31 (docs/tc260-site.md §4). Only the homepage list
 * ({@code ul.inList}) is known from a hand-made "shape"; every list, detail and JSON structure here is a guess, so
 * the adapters read links, ids and dates by their documented URL forms and by text rather than by exact markup.
 */
package org.tc260watch.scraper.source.shtml;

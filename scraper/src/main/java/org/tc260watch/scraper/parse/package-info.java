/**
 * Text extraction shared by the source adapters: dates, site ids, 《》 titles, secretariat document numbers.
 * Everything here works on text already normalised with {@link org.tc260watch.events.TextNormaliser};
 * standard identifiers are {@link org.tc260watch.events.StandardId}'s job, not this package's.
 */
package org.tc260watch.scraper.parse;

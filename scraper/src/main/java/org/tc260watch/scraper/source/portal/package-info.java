/** Page types of the {@code /portal/} generation (layui + Thymeleaf, about Feb 2026 to Aug 2026). */
package org.tc260watch.scraper.source.portal;

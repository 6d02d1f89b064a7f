/** Typed configuration ({@code tc260.*}). */
package org.tc260watch.scraper.config;

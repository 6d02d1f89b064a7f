package org.tc260watch.notifier.label;

/**
 * A glossary rendering of a Chinese title: prefixes and common terms in English, the rest left in Chinese. Always
 * shown as a partial rendering, never as a translation, even when it is complete.
 *
 * @param text     the rendering, e.g. {@code Cybersecurity technology — Generative artificial intelligence service
 *                 basic security requirements}
 * @param complete whether the glossary knew every Chinese term (no Chinese is left in {@code text})
 */
public record PartialEnglish(String text, boolean complete) {
}

/**
 * Chinese and English words of the service: the labels of change types, stages, item kinds, fields and topics
 * ({@link org.tc260watch.notifier.label.Labels}), and the glossary-based partial English rendering of titles
 * ({@link org.tc260watch.notifier.label.Glossary}). Mails, feeds and the web page take their words from here.
 */
package org.tc260watch.notifier.label;

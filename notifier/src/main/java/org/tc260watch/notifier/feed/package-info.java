/**
 * The machine-facing views of the stored changes: the Atom and JSON feeds ({@code /feeds/changes.*}), the
 * server-sent event stream ({@code /api/changes/stream}) and the iCalendar of open comment periods
 * ({@code /feeds/deadlines.ics}). Everything is rendered from what the read model stored; nothing is recomputed from
 * the site on read, so an entry looks the same every time it is served.
 */
package org.tc260watch.notifier.feed;

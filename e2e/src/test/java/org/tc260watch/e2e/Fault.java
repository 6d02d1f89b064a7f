package org.tc260watch.e2e;

/**
 * What the fault-injection suite ({@link FaultInjectionIT}) does to the running pipeline, one step each, and what the
 * service must say about it.
 */
enum Fault {
    /** The site answers every request with 503. Reported: the sources that read it are no longer HEALTHY. */
    SITE_5XX(Kind.SITE),
    /** Every answer comes later than the scraper's read timeout. */
    SITE_TIMEOUT(Kind.SITE),
    /** Every connection is closed without a byte, as the real site does to some foreign clients. */
    SITE_DROPS_CONNECTIONS(Kind.SITE),
    /** Nothing listens: connections are refused. */
    SITE_DOWN(Kind.SITE),
    /** One page type (drawn at random) answers with the homepage and 200: a soft 404. */
    SOFT_404(Kind.SITE),
    /** Every body is cut off mid-markup (a random share is kept), with a matching Content-Length. */
    TRUNCATED_HTML(Kind.SITE),
    /** The notices list is redesigned (rendered by script): the layout the adapter knows is gone. */
    PAGE_REDESIGNED(Kind.SITE),
    /** Every path answers an app-shell page no adapter knows: the next redesign of the whole site. */
    SITE_REDESIGNED(Kind.SITE),
    /** The broker stops (cleanly or by SIGKILL), a poll is made meanwhile, then it starts again on its data. */
    BROKER_RESTART(Kind.INFRASTRUCTURE),
    /** The SMTP server goes away for the run's outage time while the other steps go on. */
    SMTP_OUTAGE(Kind.INFRASTRUCTURE),
    /** SIGKILL of the scraper at a random moment of a poll, then a restart. */
    KILL_SCRAPER(Kind.KILL),
    /** SIGKILL of the differ at a random moment after a poll started, then a restart. */
    KILL_DIFFER(Kind.KILL),
    /** SIGKILL of the notifier at a random moment after a poll started, then a restart. */
    KILL_NOTIFIER(Kind.KILL);

    enum Kind {
        SITE, INFRASTRUCTURE, KILL
    }

    final Kind kind;

    Fault(Kind kind) {
        this.kind = kind;
    }
}

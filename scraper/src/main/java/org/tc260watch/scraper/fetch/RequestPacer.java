package org.tc260watch.scraper.fetch;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one request at a time through, with a minimum pause between the end of one and the start of the next.
 * This is where further politeness belongs (robots.txt, per-host back-off after errors).
 */
final class RequestPacer {

    @FunctionalInterface
    interface Request<T> {
        T run() throws FetchException;
    }

    private final ReentrantLock lock = new ReentrantLock(true);
    private final long minDelayNanos;
    private long lastEndNanos;
    private boolean anyRequest;

    RequestPacer(Duration minDelay) {
        this.minDelayNanos = minDelay.toNanos();
    }

    <T> T paced(java.net.URI url, Request<T> request) throws FetchException {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url, "interrupted while waiting for the previous request", null, e);
        }
        try {
            waitForMinDelay(url);
            return request.run();
        } finally {
            lastEndNanos = System.nanoTime();
            anyRequest = true;
            lock.unlock();
        }
    }

    private void waitForMinDelay(java.net.URI url) throws FetchException {
        if (!anyRequest || minDelayNanos <= 0) {
            return;
        }
        long waitNanos = lastEndNanos + minDelayNanos - System.nanoTime();
        if (waitNanos <= 0) {
            return;
        }
        try {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url, "interrupted while pacing requests", null, e);
        }
    }
}

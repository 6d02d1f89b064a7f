package org.tc260watch.scraper.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The requests to one host: one at a time, with a minimum pause between the end of one and the start of the next,
 * longer when a retry backs off or robots.txt asks for a crawl delay.
 */
final class RequestPacer {

    @FunctionalInterface
    interface Request<T> {
        T run() throws FetchException;
    }

    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile long minDelayNanos;
    private long lastEndNanos;
    private boolean anyRequest;

    RequestPacer(Duration minDelay) {
        this.minDelayNanos = minDelay.toNanos();
    }

    /** Raises the minimum pause (a robots.txt crawl delay); never lowers it below the configured one. */
    void atLeast(Duration delay) {
        minDelayNanos = Math.max(minDelayNanos, delay.toNanos());
    }

    <T> T paced(URI url, Request<T> request) throws FetchException {
        return paced(url, Duration.ZERO, request);
    }

    /** Runs the request alone, at least {@code pause} (and the minimum delay) after the previous one ended. */
    <T> T paced(URI url, Duration pause, Request<T> request) throws FetchException {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url, "interrupted while waiting for the previous request", null, e);
        }
        try {
            waitAfterPrevious(url, Math.max(minDelayNanos, pause.toNanos()));
            return request.run();
        } finally {
            lastEndNanos = System.nanoTime();
            anyRequest = true;
            lock.unlock();
        }
    }

    private void waitAfterPrevious(URI url, long pauseNanos) throws FetchException {
        if (!anyRequest || pauseNanos <= 0) {
            return;
        }
        long waitNanos = lastEndNanos + pauseNanos - System.nanoTime();
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

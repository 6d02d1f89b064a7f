package org.tc260watch.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.subscription.NoticeOutbox;
import org.tc260watch.notifier.subscription.Subscription;
import org.tc260watch.notifier.subscription.SubscriptionNotice;
import org.tc260watch.notifier.subscription.SubscriptionStatus;
import org.tc260watch.notifier.testing.SmtpProfile;

/**
 * Several notifier instances share one database and each sends what is due: a row must be claimed by exactly one of
 * them. Here several threads claim the same notice at the same moment, each in its own transaction, as the senders of
 * several instances would; the conditional UPDATE the claim is ({@code MailRows}, shared with deliveries and digests)
 * lets exactly one win, on H2 and on PostgreSQL (the module's two Failsafe executions).
 */
@QuarkusTest
@TestProfile(SmtpProfile.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class NoticeClaimIT {

    private static final int CONTENDERS = 8;
    /** Not due for a day: this instance's own sender leaves the notices of this test alone. */
    private static final Duration NOT_DUE = Duration.ofDays(1);

    @Inject
    NoticeOutbox outbox;

    @Test
    void concurrentClaimsOfOneNoticeHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 20; round++) {
            long id = queueNotice();
            Instant now = Instant.now();
            CyclicBarrier start = new CyclicBarrier(CONTENDERS);
            ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
            try {
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int i = 0; i < CONTENDERS; i++) {
                    claims.add(pool.submit((Callable<Boolean>) () -> {
                        start.await(10, TimeUnit.SECONDS);
                        return outbox.claim(id, now);
                    }));
                }
                int won = 0;
                for (Future<Boolean> claim : claims) {
                    won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).as("claims won in round %d", round).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            SubscriptionNotice claimed = read(id);
            assertThat(claimed.status).isEqualTo(DeliveryStatus.SENDING);
            assertThat(claimed.attempts).as("one attempt counted").isEqualTo(1);
            assertThat(claimed.claimedAt).isNotNull();
        }
    }

    @Test
    void aClaimOlderThanTheTimeoutIsTakenUpAgainAndAFreshOneIsNot() {
        Instant now = Instant.now();
        long stale = queueNotice();
        long fresh = queueNotice();
        assertThat(outbox.claim(stale, now.minus(Duration.ofMinutes(10)))).isTrue();
        assertThat(outbox.claim(fresh, now)).isTrue();

        // As a sender pass does with notifier.delivery.claim-timeout (2m): the instance that claimed it died mid-send.
        // Due again only tomorrow: this instance's own sender must not take it up before the test does.
        outbox.releaseStale(now.minus(Duration.ofMinutes(2)), now.plus(NOT_DUE));

        assertThat(read(stale).status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(read(fresh).status).as("a send in progress elsewhere is left alone").isEqualTo(DeliveryStatus.SENDING);
        assertThat(outbox.claim(stale, now)).as("claimed again, once").isTrue();
        assertThat(outbox.claim(stale, now)).isFalse();
        assertThat(read(stale).attempts).isEqualTo(2);
    }

    @Test
    void aLateFailureOfAnInstanceThatLostItsClaimDoesNotUndoTheNewerClaim() {
        Instant now = Instant.now();
        long id = queueNotice();
        assertThat(outbox.claim(id, now.minus(Duration.ofMinutes(10)))).isTrue(); // attempt 1: an instance hangs
        // Due again only tomorrow: this instance's own sender must not take it up before the test does.
        outbox.releaseStale(now.minus(Duration.ofMinutes(2)), now.plus(NOT_DUE));
        assertThat(outbox.claim(id, now)).isTrue(); // attempt 2, by another instance

        // The hung instance wakes up and reports its attempt as failed: too late, the row is attempt 2's.
        outbox.markFailed(id, 1, "connection reset", now.plus(Duration.ofMinutes(1)));
        SubscriptionNotice row = read(id);
        assertThat(row.status).isEqualTo(DeliveryStatus.SENDING);
        assertThat(row.lastError).isNull();

        // Attempt 2's own failure counts.
        outbox.markFailed(id, 2, "mailbox unavailable", now.plus(Duration.ofMinutes(1)));
        row = read(id);
        assertThat(row.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(row.lastError).isEqualTo("mailbox unavailable");
    }

    /** A pending subscription with a confirmation notice that is not due yet. @return the notice's id */
    private static long queueNotice() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Subscription s = new Subscription();
            s.id = UUID.randomUUID().toString();
            s.email = "claim-" + s.id + "@example.org";
            s.status = SubscriptionStatus.PENDING;
            s.createdAt = now;
            s.updatedAt = now;
            s.persist();
            SubscriptionNotice notice = new SubscriptionNotice();
            notice.subscription = s;
            notice.kind = SubscriptionNotice.Kind.CONFIRM;
            notice.status = DeliveryStatus.PENDING;
            notice.attempts = 0;
            notice.nextAttemptAt = now.plus(NOT_DUE);
            notice.createdAt = now;
            notice.persistAndFlush();
            return notice.id;
        });
    }

    private static SubscriptionNotice read(long id) {
        return QuarkusTransaction.requiringNew().call(() -> SubscriptionNotice.<SubscriptionNotice>findById(id));
    }
}

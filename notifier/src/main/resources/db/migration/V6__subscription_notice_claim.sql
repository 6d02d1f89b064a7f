-- Issue 7: several notifier instances share one database. A notice is claimed before it is sent (status SENDING with
-- claimed_at), in one conditional UPDATE that only one instance wins, as deliveries and digests are (V4). A claim
-- older than notifier.delivery.claim-timeout belongs to an instance that died mid-send: it is taken up again.
-- Portable SQL (H2 and PostgreSQL).
ALTER TABLE subscription_notice ADD COLUMN claimed_at TIMESTAMP(6) WITH TIME ZONE;

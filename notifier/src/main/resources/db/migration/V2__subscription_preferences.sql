-- Issue 5: what a subscriber wants (filters as JSON, delivery mode, label language) and double opt-in.
-- Portable SQL (H2 and PostgreSQL). Existing rows were active at once under V1: they count as confirmed.
ALTER TABLE subscription ADD COLUMN filters VARCHAR(4000) DEFAULT '{}' NOT NULL;
ALTER TABLE subscription ADD COLUMN delivery_mode VARCHAR(16) DEFAULT 'INSTANT' NOT NULL;
ALTER TABLE subscription ADD COLUMN language VARCHAR(8) DEFAULT 'BOTH' NOT NULL;
ALTER TABLE subscription ADD COLUMN confirmed_at TIMESTAMP(6) WITH TIME ZONE;
UPDATE subscription SET confirmed_at = created_at WHERE status = 'ACTIVE';

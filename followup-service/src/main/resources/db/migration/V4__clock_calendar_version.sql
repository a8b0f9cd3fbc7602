-- Which SLA pack and which calendar versions computed a clock's due time ("2026.1", or MISSING
-- when it ran into a year without a published calendar). Earlier clocks were weekends-only.
ALTER TABLE sla_clock ADD COLUMN pack VARCHAR(40) NOT NULL DEFAULT 'seeds';
ALTER TABLE sla_clock ADD COLUMN calendar_version VARCHAR(100) NOT NULL DEFAULT 'MISSING';
ALTER TABLE sla_clock ALTER COLUMN pack DROP DEFAULT;
ALTER TABLE sla_clock ALTER COLUMN calendar_version DROP DEFAULT;

-- The work-order actions a centre uses daily: urge (督办), co-handle (协办), transfer (转派),
-- suspend (挂起) and merge (并单).
ALTER TABLE work_order
    ADD COLUMN assists        UUID,
    ADD COLUMN suspended_from VARCHAR(16),
    ADD COLUMN suspend_reason VARCHAR(1000),
    ADD COLUMN urge_count     INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN handed_to      UUID;
CREATE INDEX work_order_assists ON work_order (assists) WHERE assists IS NOT NULL;
CREATE INDEX work_order_handed_to ON work_order (handed_to) WHERE handed_to IS NOT NULL;

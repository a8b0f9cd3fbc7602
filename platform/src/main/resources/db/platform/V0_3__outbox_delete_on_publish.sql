-- The relay deletes what Kafka acknowledged instead of marking it published: Kafka keeps the
-- events, and an update rewrote every row and three index entries once more. Every row left is
-- pending, so the primary key alone orders the relay; event ids are random UUIDs made in code.
-- Published rows go by TRUNCATE, not DELETE, so an old outbox leaves no dead rows to vacuum.
CREATE TEMPORARY TABLE outbox_pending ON COMMIT DROP AS
    SELECT * FROM outbox_message WHERE published_at IS NULL;
TRUNCATE outbox_message;
INSERT INTO outbox_message SELECT * FROM outbox_pending;
DROP INDEX outbox_message_pending;
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_event_id_key;
ALTER TABLE outbox_message DROP COLUMN published_at;

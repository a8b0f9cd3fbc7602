-- Outbox rows are inserted without an id, and the database numbers them in the order they are
-- written. The sequence keeps its increment of 50: a replica still on the previous release takes
-- blocks of 50 from it for its own rows, and a value the default takes is never inside such a block.
ALTER TABLE outbox_message ALTER COLUMN id SET DEFAULT nextval('outbox_message_seq');

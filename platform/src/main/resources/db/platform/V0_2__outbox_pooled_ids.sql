-- Outbox ids from a sequence handed out in blocks of 50 instead of an identity column, so that a
-- transaction writing many events inserts them in JDBC batches instead of one round trip each.
-- Ids still grow in the order a service writes its events; the relay publishes in id order.
ALTER TABLE outbox_message ALTER COLUMN id DROP IDENTITY IF EXISTS;
CREATE SEQUENCE outbox_message_seq INCREMENT BY 50 OWNED BY outbox_message.id;
-- Start above every existing id whichever end of its block Hibernate's optimizer takes a value for.
SELECT setval('outbox_message_seq', COALESCE((SELECT max(id) FROM outbox_message), 0) + 51, false);

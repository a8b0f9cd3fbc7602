-- The W3C traceparent of the span that wrote each event (null outside a trace): the relay sends
-- it as the record's traceparent header, so that a complaint's trace crosses the outbox.
ALTER TABLE outbox_message ADD COLUMN traceparent VARCHAR(55);

-- When the status last changed, by event time: a late event must not set an older status.
ALTER TABLE complaint ADD COLUMN status_changed_at TIMESTAMPTZ;
UPDATE complaint SET status_changed_at = received_at;

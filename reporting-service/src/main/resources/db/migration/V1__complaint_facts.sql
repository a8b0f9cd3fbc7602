-- One row per complaint, upserted by whichever event arrives first.
CREATE TABLE complaint_fact (
    complaint_id  UUID PRIMARY KEY,
    number        VARCHAR(32),
    channel       VARCHAR(16),
    type          VARCHAR(16),
    category      VARCHAR(64),
    area          VARCHAR(100),
    department    VARCHAR(40),
    status        VARCHAR(32),
    received_at   TIMESTAMPTZ,
    dispatched_at TIMESTAMPTZ
);
CREATE INDEX complaint_fact_received ON complaint_fact (received_at);
CREATE INDEX complaint_fact_dispatched ON complaint_fact (dispatched_at);

-- Everything the KPIs need of a complaint's lifecycle, from every topic. Each column is set so
-- that events may arrive late, twice (the inbox drops those) or out of order across topics:
-- first times keep the earliest, counts grow, snapshots keep the latest.
ALTER TABLE complaint_fact ADD COLUMN resolved_on_first_contact BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE complaint_fact ADD COLUMN referral_source VARCHAR(40);
ALTER TABLE complaint_fact ADD COLUMN repeat_of UUID;
ALTER TABLE complaint_fact ADD COLUMN incident_id UUID;
ALTER TABLE complaint_fact ADD COLUMN escalated BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE complaint_fact ADD COLUMN returns INT NOT NULL DEFAULT 0;
ALTER TABLE complaint_fact ADD COLUMN reopens INT NOT NULL DEFAULT 0;
ALTER TABLE complaint_fact ADD COLUMN result_at TIMESTAMPTZ;
ALTER TABLE complaint_fact ADD COLUMN root_cause VARCHAR(40);
ALTER TABLE complaint_fact ADD COLUMN replied_at TIMESTAMPTZ;
-- The reply clock's due time (REPLY, or ANSWER in packs that name it so), round 1, from ClocksSet.
ALTER TABLE complaint_fact ADD COLUMN reply_due_at TIMESTAMPTZ;
ALTER TABLE complaint_fact ADD COLUMN clocks_set_at TIMESTAMPTZ;
-- The running clocks' earliest warning and due time: at risk once past the first, breached past the second.
ALTER TABLE complaint_fact ADD COLUMN next_warn_at TIMESTAMPTZ;
ALTER TABLE complaint_fact ADD COLUMN next_due_at TIMESTAMPTZ;
ALTER TABLE complaint_fact ADD COLUMN breaches INT NOT NULL DEFAULT 0;
ALTER TABLE complaint_fact ADD COLUMN reopened_at TIMESTAMPTZ;
ALTER TABLE complaint_fact ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE complaint_fact ADD COLUMN closed_reason VARCHAR(20);
CREATE INDEX complaint_fact_closed ON complaint_fact (closed_at);
CREATE INDEX complaint_fact_reply_due ON complaint_fact (reply_due_at);

-- What happens to complaints that a KPI counts on the day it happened: replies, callbacks,
-- reopenings, returns, escalations, breaches, results with compensation. One row per event.
CREATE TABLE occurrence (
    event_id     VARCHAR(100)  PRIMARY KEY,
    complaint_id UUID          NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    at           TIMESTAMPTZ   NOT NULL,
    detail       VARCHAR(40),
    amount       NUMERIC(14, 2)
);
CREATE INDEX occurrence_at ON occurrence (kind, at);
CREATE INDEX occurrence_complaint ON occurrence (complaint_id);

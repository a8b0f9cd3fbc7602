CREATE TABLE sla_clock (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id UUID         NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL,
    due_at       TIMESTAMPTZ  NOT NULL,
    met_at       TIMESTAMPTZ,
    CONSTRAINT sla_clock_once UNIQUE (complaint_id, kind)
);
-- Due clocks are found by time (warnings, breaches).
CREATE INDEX sla_clock_due ON sla_clock (due_at) WHERE met_at IS NULL;

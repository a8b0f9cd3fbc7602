-- Routing complete: the complaints routing has seen (for re-routing, repeats and incidents),
-- incidents, versioned rule sets, and the work-order lifecycle.

-- Every complaint routing dispatched, with what re-routing and detection need. The original
-- event is kept whole so a re-dispatch can send departments everything the first one did.
CREATE TABLE routed_complaint (
    complaint_id     UUID PRIMARY KEY,
    number           VARCHAR(32)  NOT NULL,
    received_at      TIMESTAMPTZ  NOT NULL,
    category         VARCHAR(64),
    category_source  VARCHAR(16)  NOT NULL,
    family           VARCHAR(64),
    area             VARCHAR(100),
    customer_id      VARCHAR(64),
    phone            VARCHAR(32),
    service_number   VARCHAR(64),
    repeat_of        UUID,
    incident_id      UUID,
    reopen_count     INTEGER      NOT NULL DEFAULT 0,
    payload          TEXT         NOT NULL
);
CREATE INDEX routed_complaint_phone ON routed_complaint (phone, category, received_at) WHERE phone IS NOT NULL;
CREATE INDEX routed_complaint_customer ON routed_complaint (customer_id, category, received_at) WHERE customer_id IS NOT NULL;
CREATE INDEX routed_complaint_service_number ON routed_complaint (service_number, category, received_at)
    WHERE service_number IS NOT NULL;
CREATE INDEX routed_complaint_area ON routed_complaint (family, area, received_at) WHERE area IS NOT NULL;

-- Many complaints about one outage: linked, handled by one work order.
CREATE TABLE incident (
    id            UUID PRIMARY KEY,
    family        VARCHAR(64)  NOT NULL,
    area          VARCHAR(100) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    opened_at     TIMESTAMPTZ  NOT NULL,
    resolved_at   TIMESTAMPTZ
);
-- At most one open incident per family and area, whichever replica opens it.
CREATE UNIQUE INDEX incident_open ON incident (family, area) WHERE status = 'OPEN';

-- Routing rules, one row per published version; the highest version is in force.
CREATE TABLE routing_rule_set (
    version      INTEGER PRIMARY KEY,
    rules        TEXT         NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    published_by VARCHAR(200) NOT NULL
);

ALTER TABLE work_order
    ADD COLUMN priority_reasons TEXT         NOT NULL DEFAULT '[]',
    ADD COLUMN incident_id      UUID,
    ADD COLUMN repeat_of        UUID,
    ADD COLUMN handler          VARCHAR(100),
    ADD COLUMN accepted_at      TIMESTAMPTZ,
    ADD COLUMN result           TEXT,
    ADD COLUMN completed_at     TIMESTAMPTZ,
    ADD COLUMN return_reason    VARCHAR(1000),
    ADD COLUMN rerouted_to      UUID,
    ADD COLUMN updated_at       TIMESTAMPTZ;
CREATE INDEX work_order_incident ON work_order (incident_id) WHERE incident_id IS NOT NULL;

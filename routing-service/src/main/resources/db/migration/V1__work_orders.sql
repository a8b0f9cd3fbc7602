CREATE TABLE work_order (
    id               UUID PRIMARY KEY,
    complaint_id     UUID         NOT NULL,
    complaint_number VARCHAR(32)  NOT NULL,
    department       VARCHAR(40)  NOT NULL,
    category         VARCHAR(64),
    priority         VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    escalation_level SMALLINT     NOT NULL,
    rule_id          VARCHAR(100) NOT NULL,
    rule_version     INTEGER      NOT NULL,
    subject          VARCHAR(200),
    area             VARCHAR(100),
    created_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX work_order_queue ON work_order (department, status, created_at);
CREATE INDEX work_order_complaint ON work_order (complaint_id);

CREATE TABLE complaint (
    id                UUID PRIMARY KEY,
    number            VARCHAR(32)  NOT NULL UNIQUE,
    channel           VARCHAR(16)  NOT NULL,
    channel_ref       VARCHAR(100) NOT NULL,
    idempotency_key   VARCHAR(200) UNIQUE,
    request_hash      CHAR(64)     NOT NULL,
    type              VARCHAR(16)  NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    customer_phone    VARCHAR(32),
    category          VARCHAR(64),
    received_at       TIMESTAMPTZ  NOT NULL,
    promised_reply_by TIMESTAMPTZ  NOT NULL,
    submission        JSONB        NOT NULL,
    CONSTRAINT complaint_channel_ref UNIQUE (channel, channel_ref)
);
CREATE INDEX complaint_customer_phone ON complaint (customer_phone);

-- Serials of complaint numbers, handed out in blocks (ComplaintNumbers.BLOCK).
CREATE SEQUENCE complaint_number_seq START WITH 1 INCREMENT BY 100;

CREATE TABLE timeline_entry (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id UUID         NOT NULL REFERENCES complaint (id),
    at           TIMESTAMPTZ  NOT NULL,
    type         VARCHAR(40)  NOT NULL,
    actor        VARCHAR(100),
    detail       TEXT
);
CREATE INDEX timeline_entry_complaint ON timeline_entry (complaint_id, at);

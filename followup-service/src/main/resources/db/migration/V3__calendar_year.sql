-- The official year schedules (holidays and make-up working days), versioned: a PUT adds a
-- version, the newest of each year is in force, older ones stay as the record of what earlier
-- clocks were computed on. Version 1 of each shipped year comes from policy/calendar/<year>.json.
CREATE TABLE calendar_year (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year         INT          NOT NULL,
    version      INT          NOT NULL,
    schedule     JSONB        NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    published_by VARCHAR(200) NOT NULL,
    UNIQUE (year, version)
);

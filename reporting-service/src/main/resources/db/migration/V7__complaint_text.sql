-- The searched texts and the customer move to a table of their own, written once at receipt: the
-- facts row is updated by every later event, and each update of a row with a GIN-indexed
-- text[] re-indexed all its character grams (and copied the texts), which cost the projection most
-- of its time and the table most of its size.
CREATE TABLE complaint_text (
    complaint_id  UUID PRIMARY KEY,
    subject       TEXT,
    description   TEXT,
    customer_name VARCHAR(100),
    phone         VARCHAR(30),
    -- the searched text, normalised as the query is (NFKC, lower case, letters and digits only)
    search_text   TEXT,
    grams         TEXT[] NOT NULL DEFAULT '{}'
);
INSERT INTO complaint_text (complaint_id, subject, description, customer_name, phone, search_text, grams)
SELECT complaint_id, subject, description, customer_name, phone, search_text, grams FROM complaint_fact
WHERE received_at IS NOT NULL;
CREATE INDEX complaint_text_grams ON complaint_text USING gin (grams);

DROP INDEX complaint_fact_grams;
ALTER TABLE complaint_fact DROP COLUMN subject, DROP COLUMN description, DROP COLUMN customer_name,
    DROP COLUMN phone, DROP COLUMN search_text, DROP COLUMN grams;
-- Room on each page for the updates that change no indexed column (a reply, a result) to stay on it (HOT).
ALTER TABLE complaint_fact SET (fillfactor = 80);

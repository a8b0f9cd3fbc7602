-- Incidents as policy: a complaint linked to an incident may still keep its own work order
-- (a referral, a VIP, a repeat, a compensation demand); this says why, or is null.
ALTER TABLE routed_complaint ADD COLUMN answers_alone VARCHAR(32);
CREATE INDEX routed_complaint_incident ON routed_complaint (incident_id) WHERE incident_id IS NOT NULL;
CREATE INDEX incident_status ON incident (status, opened_at);

-- The classifier's confidence and candidates, kept with the complaint (for re-routes) and shown
-- on its work orders, so that whoever triages an UNSURE complaint sees what it considered.
ALTER TABLE routed_complaint
    ADD COLUMN category_confidence DOUBLE PRECISION,
    ADD COLUMN category_candidates TEXT;
ALTER TABLE work_order
    ADD COLUMN category_source     VARCHAR(16),
    ADD COLUMN category_confidence DOUBLE PRECISION,
    ADD COLUMN category_candidates TEXT;

-- The escalation level (1 front line .. 4 leadership) of the complaint's latest dispatch: a
-- department's compensation above that level's authority is sent up.
ALTER TABLE followed_complaint ADD COLUMN escalation_level INT NOT NULL DEFAULT 1;

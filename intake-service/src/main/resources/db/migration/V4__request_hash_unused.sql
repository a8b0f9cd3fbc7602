-- A retry is now recognised by comparing its submission with the stored one, not by a SHA-256
-- of it (hashing every request cost more than the rare retry's comparison). The column stays,
-- nullable, while replicas of the previous release may still write it during a rolling upgrade;
-- a later release drops it.
ALTER TABLE complaint ALTER COLUMN request_hash DROP NOT NULL;

-- Likely duplicates are found by trigram similarity of titles, accents and case ignored.
CREATE INDEX IF NOT EXISTS opportunities_title_trgm_idx ON opportunities USING gin (lower(immutable_unaccent(title)) gin_trgm_ops);

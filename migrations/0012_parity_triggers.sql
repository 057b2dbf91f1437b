-- The Index de la parité has its own content version (page cache of its public pages).
INSERT INTO content_versions (name) VALUES ('parity') ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER parity_organizations_content_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON parity_organizations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('parity');
--> statement-breakpoint
CREATE TRIGGER parity_figures_content_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON parity_figures
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('parity');
--> statement-breakpoint
ALTER TABLE parity_representatives ADD CONSTRAINT parity_representatives_verified_by_check CHECK (verified_by in ('domain', 'moderator'));
--> statement-breakpoint
-- Search by name or city, accents and case ignored, any part of a word ("chalon" finds "Chalon-sur-Saône").
CREATE INDEX parity_organizations_search_idx ON parity_organizations
  USING gin (lower(immutable_unaccent(name || ' ' || coalesce(city, ''))) gin_trgm_ops);

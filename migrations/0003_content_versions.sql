-- A version number per kind of public content, bumped by every write (whatever its path: app,
-- seed, import, psql). Caches of derived data (catalogue index, rendered pages) compare it to
-- know they are stale, across every process that shares the database.
CREATE TABLE content_versions (
  name text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0
);
--> statement-breakpoint
INSERT INTO content_versions (name) VALUES ('catalogue');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_content_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE content_versions SET version = version + 1 WHERE name = TG_ARGV[0];
    RETURN NULL;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER opportunities_content_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON opportunities
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('catalogue');
--> statement-breakpoint
CREATE TRIGGER opportunity_windows_content_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON opportunity_windows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('catalogue');

-- Mentoring and the directory have their own content version, so their public pages can be kept
-- in the page cache: any change to a profile, a request, a mentorship or a commissioner renews them.
INSERT INTO content_versions (name) VALUES ('connections') ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER mentor_profiles_content_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mentor_profiles
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('connections');
--> statement-breakpoint
CREATE TRIGGER mentoring_requests_content_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mentoring_requests
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('connections');
--> statement-breakpoint
CREATE TRIGGER mentorships_content_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mentorships
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('connections');
--> statement-breakpoint
CREATE TRIGGER directory_profiles_content_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_profiles
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('connections');
--> statement-breakpoint
CREATE TRIGGER commissioners_content_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON commissioners
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('connections');

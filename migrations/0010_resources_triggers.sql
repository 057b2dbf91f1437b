-- Resources feed the shared search lexicon (typo tolerance) and bump their content version
-- (page cache, like the catalogue).
CREATE OR REPLACE FUNCTION resources_feed_search_lexicon() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM add_words_to_search_lexicon(NEW.title || ' ' || NEW.summary || ' ' || array_to_string(NEW.tags, ' '));
    RETURN NEW;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER resources_search_lexicon
  AFTER INSERT OR UPDATE OF title, summary, tags ON resources
  FOR EACH ROW EXECUTE FUNCTION resources_feed_search_lexicon();
--> statement-breakpoint
INSERT INTO content_versions (name) VALUES ('resources') ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER resources_content_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON resources
  FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('resources');

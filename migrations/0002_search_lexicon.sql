-- Feeds search_lexicon with the words of searchable text so misspelt queries can be corrected.
-- Words are never removed: a stale word only costs a row, and corrections are checked against
-- the full-text index anyway.
CREATE OR REPLACE FUNCTION add_words_to_search_lexicon(content text) RETURNS void
  LANGUAGE sql VOLATILE
  AS $$
    INSERT INTO search_lexicon (word)
    SELECT DISTINCT word
    FROM regexp_split_to_table(lower(immutable_unaccent(coalesce(content, ''))), '[^a-z0-9]+') AS word
    WHERE length(word) BETWEEN 3 AND 40
    ON CONFLICT (word) DO NOTHING
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION opportunities_feed_search_lexicon() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM add_words_to_search_lexicon(NEW.title || ' ' || NEW.organizer || ' ' || NEW.summary);
    RETURN NEW;
  END
  $$;
--> statement-breakpoint
CREATE TRIGGER opportunities_search_lexicon
  AFTER INSERT OR UPDATE OF title, organizer, summary ON opportunities
  FOR EACH ROW EXECUTE FUNCTION opportunities_feed_search_lexicon();

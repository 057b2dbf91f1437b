-- Extensions and text-search building blocks the schema relies on (same on PGlite and PostgreSQL).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is STABLE (it depends on a dictionary); this wrapper pins the dictionary so the
-- function can be IMMUTABLE and used in indexes and generated columns.
CREATE OR REPLACE FUNCTION immutable_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;
--> statement-breakpoint
-- French stemming after accent removal: "résidence", "residence" and "RÉSIDENCES" meet.
CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = pg_catalog.french);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION french_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

CREATE TABLE "opportunities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opportunities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"organizer" text NOT NULL,
	"kind" text NOT NULL,
	"disciplines" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"amount_eur" integer,
	"amount_note" text,
	"entry_fee_eur" integer,
	"entry_fee_note" text,
	"geographic_scope" text DEFAULT 'world' NOT NULL,
	"eligibility_region" text,
	"age_min" smallint,
	"age_max" smallint,
	"career_stages" text[] DEFAULT '{any}'::text[] NOT NULL,
	"reserved_to_women" boolean DEFAULT false NOT NULL,
	"other_conditions" text,
	"is_permanent" boolean DEFAULT false NOT NULL,
	"recurrence" text NOT NULL,
	"typical_open_month" smallint,
	"typical_deadline_month" smallint,
	"official_url" text,
	"application_url" text,
	"contact" text,
	"city" text,
	"region" text,
	"jury_women_share" real,
	"laureates_women_share" real,
	"parity_source" text,
	"parity_year" smallint,
	"source_links" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"is_low_confidence" boolean DEFAULT false NOT NULL,
	"last_verified_on" date,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french_unaccent', coalesce("title", '')), 'A')
        || setweight(to_tsvector('french_unaccent', coalesce("organizer", '')), 'B')
        || setweight(to_tsvector('french_unaccent', coalesce("summary", '')), 'C')
        || setweight(to_tsvector('french_unaccent', coalesce("description", '')), 'D')) STORED,
	CONSTRAINT "opportunities_kind_check" CHECK ("opportunities"."kind" in ('prize', 'grant', 'residency', 'call_for_applications', 'creation_aid', 'mentoring', 'festival_call', 'commission', 'acquisition')),
	CONSTRAINT "opportunities_status_check" CHECK ("opportunities"."status" in ('draft', 'in_review', 'published', 'archived')),
	CONSTRAINT "opportunities_source_check" CHECK ("opportunities"."source" in ('seed', 'manual', 'import', 'suggestion')),
	CONSTRAINT "opportunities_scope_check" CHECK ("opportunities"."geographic_scope" in ('france', 'region', 'overseas', 'europe', 'world')),
	CONSTRAINT "opportunities_recurrence_check" CHECK ("opportunities"."recurrence" in ('annual', 'biennial', 'one_off', 'permanent')),
	CONSTRAINT "opportunities_disciplines_check" CHECK ("opportunities"."disciplines" <@ array['any', 'documentary', 'photojournalism', 'fine_art', 'experimental', 'portrait', 'landscape', 'architecture', 'fashion', 'book']::text[]),
	CONSTRAINT "opportunities_career_stages_check" CHECK ("opportunities"."career_stages" <@ array['any', 'student', 'emerging', 'mid_career', 'established']::text[]),
	CONSTRAINT "opportunities_ages_check" CHECK ("opportunities"."age_min" is null or "opportunities"."age_max" is null or "opportunities"."age_min" <= "opportunities"."age_max"),
	CONSTRAINT "opportunities_amount_check" CHECK ("opportunities"."amount_eur" is null or "opportunities"."amount_eur" >= 0),
	CONSTRAINT "opportunities_fee_check" CHECK ("opportunities"."entry_fee_eur" is null or "opportunities"."entry_fee_eur" >= 0),
	CONSTRAINT "opportunities_months_check" CHECK (coalesce("opportunities"."typical_open_month", 1) between 1 and 12 and coalesce("opportunities"."typical_deadline_month", 1) between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "opportunity_windows" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opportunity_windows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"opportunity_id" integer NOT NULL,
	"opens_on" date,
	"closes_on" date NOT NULL,
	"is_estimated" boolean DEFAULT false NOT NULL,
	CONSTRAINT "opportunity_windows_order_check" CHECK ("opportunity_windows"."opens_on" is null or "opportunity_windows"."opens_on" <= "opportunity_windows"."closes_on")
);
--> statement-breakpoint
CREATE TABLE "search_lexicon" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opportunity_windows" ADD CONSTRAINT "opportunity_windows_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_slug_key" ON "opportunities" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_source_ref_key" ON "opportunities" USING btree ("source","source_ref");--> statement-breakpoint
CREATE INDEX "opportunities_status_idx" ON "opportunities" USING btree ("status");--> statement-breakpoint
CREATE INDEX "opportunities_search_idx" ON "opportunities" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "opportunities_disciplines_idx" ON "opportunities" USING gin ("disciplines");--> statement-breakpoint
CREATE INDEX "opportunities_published_at_idx" ON "opportunities" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "opportunity_windows_opportunity_idx" ON "opportunity_windows" USING btree ("opportunity_id","closes_on");--> statement-breakpoint
CREATE INDEX "search_lexicon_word_trgm_idx" ON "search_lexicon" USING gin ("word" gin_trgm_ops);
-- array_to_string() is only STABLE; this wrapper lets text arrays enter the generated search column.
CREATE OR REPLACE FUNCTION immutable_array_to_string(items text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string(items, ' '), '') $$;
--> statement-breakpoint
CREATE TABLE "resource_feedback" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resource_feedback_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"resource_id" integer NOT NULL,
	"answer" text NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"objective" text,
	"introduction" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"key_takeaways" text[] DEFAULT '{}'::text[] NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author" text,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"career_stages" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"last_updated_on" date,
	"speakers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"video_url" text,
	"transcript" text,
	"starts_at" timestamp with time zone,
	"duration_minutes" integer,
	"event_format" text,
	"registration_url" text,
	"replay_url" text,
	"file_key" text,
	"file_name" text,
	"file_type" text,
	"file_size" integer,
	"external_url" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"source" text NOT NULL,
	"submitted_by" integer,
	"refusal_reason" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french_unaccent', coalesce("title", '')), 'A')
        || setweight(to_tsvector('french_unaccent', coalesce("summary", '') || ' ' || coalesce("objective", '') || ' ' || immutable_array_to_string("tags")), 'B')
        || setweight(to_tsvector('french_unaccent', coalesce("introduction", '') || ' ' || immutable_array_to_string("key_takeaways")), 'C')
        || setweight(to_tsvector('french_unaccent', coalesce("body", '') || ' ' || coalesce("transcript", '')), 'D')) STORED,
	CONSTRAINT "resources_type_check" CHECK ("resources"."type" in ('sheet', 'video', 'webinar', 'document', 'link')),
	CONSTRAINT "resources_status_check" CHECK ("resources"."status" in ('draft', 'in_review', 'published', 'refused', 'archived'))
);
--> statement-breakpoint
ALTER TABLE "resource_feedback" ADD CONSTRAINT "resource_feedback_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_feedback_resource_idx" ON "resource_feedback" USING btree ("resource_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resources_slug_key" ON "resources" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "resources_status_idx" ON "resources" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "resources_search_idx" ON "resources" USING gin ("search_vector");
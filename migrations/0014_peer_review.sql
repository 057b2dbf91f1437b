CREATE TABLE "review_pairs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_pairs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"request_a_id" integer NOT NULL,
	"request_b_id" integer NOT NULL,
	"user_low_id" integer,
	"user_high_id" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"score_parts" jsonb,
	"paired_by" text NOT NULL,
	"paired_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	CONSTRAINT "review_pairs_status_check" CHECK ("review_pairs"."status" in ('active', 'released', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "review_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"review_id" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "review_reports_status_check" CHECK ("review_reports"."status" in ('open', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "review_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"target_kind" text,
	"opportunity_id" integer,
	"target_deadline" date,
	"disciplines" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] NOT NULL,
	"career_stage" text,
	"message_to_partner" text,
	"file_key" text,
	"file_name" text,
	"file_size" integer,
	"priority" boolean DEFAULT false NOT NULL,
	"waiting_since" timestamp with time zone NOT NULL,
	"rules_accepted_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paired_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "review_requests_kind_check" CHECK ("review_requests"."kind" in ('dossier', 'volunteer')),
	CONSTRAINT "review_requests_status_check" CHECK ("review_requests"."status" in ('waiting', 'paired', 'done', 'dropped', 'cancelled')),
	CONSTRAINT "review_requests_dossier_file_check" CHECK ("review_requests"."kind" = 'volunteer' or "review_requests"."file_key" is not null or "review_requests"."status" in ('done', 'dropped', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pair_id" integer NOT NULL,
	"reviewer_request_id" integer NOT NULL,
	"reviewee_request_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"first_reminder_at" timestamp with time zone,
	"second_reminder_at" timestamp with time zone,
	"strengths" text,
	"improvements" text,
	"advice" text,
	"readiness" text,
	"attachment_key" text,
	"attachment_name" text,
	"media_url" text,
	"submitted_at" timestamp with time zone,
	"rated_useful" smallint,
	"rated_kind" smallint,
	"rated_at" timestamp with time zone,
	"reviewer_shares_email" boolean DEFAULT false NOT NULL,
	"reviewee_shares_email" boolean DEFAULT false NOT NULL,
	CONSTRAINT "reviews_status_check" CHECK ("reviews"."status" in ('assigned', 'submitted', 'dropped')),
	CONSTRAINT "reviews_ratings_check" CHECK (("reviews"."rated_useful" is null or "reviews"."rated_useful" between 0 and 1) and ("reviews"."rated_kind" is null or "reviews"."rated_kind" between 0 and 1))
);
--> statement-breakpoint
ALTER TABLE "review_pairs" ADD CONSTRAINT "review_pairs_request_a_id_review_requests_id_fk" FOREIGN KEY ("request_a_id") REFERENCES "public"."review_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_pairs" ADD CONSTRAINT "review_pairs_request_b_id_review_requests_id_fk" FOREIGN KEY ("request_b_id") REFERENCES "public"."review_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_pairs" ADD CONSTRAINT "review_pairs_user_low_id_users_id_fk" FOREIGN KEY ("user_low_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_pairs" ADD CONSTRAINT "review_pairs_user_high_id_users_id_fk" FOREIGN KEY ("user_high_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_reports" ADD CONSTRAINT "review_reports_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_pair_id_review_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."review_pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_request_id_review_requests_id_fk" FOREIGN KEY ("reviewer_request_id") REFERENCES "public"."review_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewee_request_id_review_requests_id_fk" FOREIGN KEY ("reviewee_request_id") REFERENCES "public"."review_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_pairs_status_idx" ON "review_pairs" USING btree ("status","paired_at");--> statement-breakpoint
CREATE INDEX "review_pairs_request_a_idx" ON "review_pairs" USING btree ("request_a_id");--> statement-breakpoint
CREATE INDEX "review_pairs_request_b_idx" ON "review_pairs" USING btree ("request_b_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_pairs_users_key" ON "review_pairs" USING btree ("user_low_id","user_high_id");--> statement-breakpoint
CREATE INDEX "review_reports_status_idx" ON "review_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "review_requests_status_idx" ON "review_requests" USING btree ("status","kind","waiting_since");--> statement-breakpoint
CREATE INDEX "review_requests_user_idx" ON "review_requests" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_token_key" ON "reviews" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "reviews_pair_idx" ON "reviews" USING btree ("pair_id");--> statement-breakpoint
CREATE INDEX "reviews_reviewer_idx" ON "reviews" USING btree ("reviewer_request_id");--> statement-breakpoint
CREATE INDEX "reviews_reviewee_idx" ON "reviews" USING btree ("reviewee_request_id");--> statement-breakpoint
CREATE INDEX "reviews_due_idx" ON "reviews" USING btree ("status","due_at");
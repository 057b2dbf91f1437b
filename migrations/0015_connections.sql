CREATE TABLE "commissioners" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"organization_name" text NOT NULL,
	"organization_type" text NOT NULL,
	"website" text NOT NULL,
	"contact_role" text NOT NULL,
	"charter_version" text NOT NULL,
	"charter_signed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by" text,
	"refusal_reason" text,
	CONSTRAINT "commissioners_status_check" CHECK ("commissioners"."status" in ('pending', 'verified', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "connection_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "connection_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"target_id" integer NOT NULL,
	"reporter_id" integer,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "connection_reports_status_check" CHECK ("connection_reports"."status" in ('open', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "contact_surveys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contact_surveys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"message_id" integer NOT NULL,
	"side" text NOT NULL,
	"token_hash" text NOT NULL,
	"led_to_work" boolean,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "directory_blocks" (
	"photographer_id" integer NOT NULL,
	"sender_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_blocks_photographer_id_sender_id_pk" PRIMARY KEY("photographer_id","sender_id")
);
--> statement-breakpoint
CREATE TABLE "directory_messages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "directory_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sender_id" integer,
	"photographer_id" integer,
	"subject" text NOT NULL,
	"body" text,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"survey_sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "directory_profiles" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"display_name" text NOT NULL,
	"name_audience" text DEFAULT 'commissioners' NOT NULL,
	"pronouns" text,
	"region" text,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"bio" text,
	"website" text,
	"available_for_commissions" boolean DEFAULT false NOT NULL,
	"audiences" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"refusal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_profiles_status_check" CHECK ("directory_profiles"."status" in ('pending', 'published', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "mentor_profiles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mentor_profiles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"display_name" text NOT NULL,
	"role_title" text NOT NULL,
	"bio" text NOT NULL,
	"specialties" text[] NOT NULL,
	"help_topics" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"formats" text[] NOT NULL,
	"region" text,
	"capacity" smallint NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"available_since" timestamp with time zone DEFAULT now() NOT NULL,
	"paused_at" timestamp with time zone,
	"status" text DEFAULT 'pending' NOT NULL,
	"refusal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_profiles_capacity_check" CHECK ("mentor_profiles"."capacity" between 1 and 10),
	CONSTRAINT "mentor_profiles_status_check" CHECK ("mentor_profiles"."status" in ('pending', 'published', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "mentoring_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mentoring_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"mentor_id" integer NOT NULL,
	"mentee_id" integer NOT NULL,
	"note" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"response_message" text,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"first_reminder_at" timestamp with time zone,
	"second_reminder_at" timestamp with time zone,
	CONSTRAINT "mentoring_requests_status_check" CHECK ("mentoring_requests"."status" in ('pending', 'accepted', 'declined', 'expired', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "mentorship_surveys" (
	"mentorship_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"helped" boolean NOT NULL,
	"recommend" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentorship_surveys_mentorship_id_user_id_pk" PRIMARY KEY("mentorship_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "mentorships" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mentorships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"request_id" integer NOT NULL,
	"mentor_id" integer NOT NULL,
	"mentee_id" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "mentorships_status_check" CHECK ("mentorships"."status" in ('active', 'completed', 'stopped'))
);
--> statement-breakpoint
ALTER TABLE "commissioners" ADD CONSTRAINT "commissioners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_reports" ADD CONSTRAINT "connection_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_surveys" ADD CONSTRAINT "contact_surveys_message_id_directory_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."directory_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_blocks" ADD CONSTRAINT "directory_blocks_photographer_id_users_id_fk" FOREIGN KEY ("photographer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_blocks" ADD CONSTRAINT "directory_blocks_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_messages" ADD CONSTRAINT "directory_messages_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_messages" ADD CONSTRAINT "directory_messages_photographer_id_users_id_fk" FOREIGN KEY ("photographer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_profiles" ADD CONSTRAINT "directory_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_requests" ADD CONSTRAINT "mentoring_requests_mentor_id_mentor_profiles_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."mentor_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_requests" ADD CONSTRAINT "mentoring_requests_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_surveys" ADD CONSTRAINT "mentorship_surveys_mentorship_id_mentorships_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_surveys" ADD CONSTRAINT "mentorship_surveys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_request_id_mentoring_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."mentoring_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_mentor_id_mentor_profiles_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."mentor_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commissioners_status_idx" ON "commissioners" USING btree ("status");--> statement-breakpoint
CREATE INDEX "connection_reports_status_idx" ON "connection_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_surveys_token_key" ON "contact_surveys" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_surveys_message_side_key" ON "contact_surveys" USING btree ("message_id","side");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_messages_token_key" ON "directory_messages" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "directory_messages_sender_idx" ON "directory_messages" USING btree ("sender_id","created_at");--> statement-breakpoint
CREATE INDEX "directory_messages_survey_idx" ON "directory_messages" USING btree ("survey_sent_at","created_at");--> statement-breakpoint
CREATE INDEX "directory_profiles_status_idx" ON "directory_profiles" USING btree ("status","listed");--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_profiles_user_key" ON "mentor_profiles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "mentor_profiles_status_idx" ON "mentor_profiles" USING btree ("status");--> statement-breakpoint
CREATE INDEX "mentoring_requests_mentor_idx" ON "mentoring_requests" USING btree ("mentor_id","status");--> statement-breakpoint
CREATE INDEX "mentoring_requests_mentee_idx" ON "mentoring_requests" USING btree ("mentee_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorships_request_key" ON "mentorships" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "mentorships_mentor_idx" ON "mentorships" USING btree ("mentor_id","status");--> statement-breakpoint
CREATE INDEX "mentorships_mentee_idx" ON "mentorships" USING btree ("mentee_id");
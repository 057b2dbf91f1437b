CREATE TABLE "parity_declarations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "parity_declarations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organization_id" integer NOT NULL,
	"user_id" integer,
	"year" smallint NOT NULL,
	"representative_role" text NOT NULL,
	"representative_verified" boolean NOT NULL,
	"equality_text" text,
	"comment" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"refusal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parity_declarations_status_check" CHECK ("parity_declarations"."status" in ('pending', 'published', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "parity_figures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "parity_figures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organization_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"metric" text NOT NULL,
	"women" integer NOT NULL,
	"total" integer NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"declaration_id" integer,
	"declared_by_organization" boolean DEFAULT false NOT NULL,
	"recorded_by" text NOT NULL,
	"replaces_id" integer,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parity_figures_counts_check" CHECK ("parity_figures"."women" >= 0 and "parity_figures"."total" >= 0 and "parity_figures"."women" <= "parity_figures"."total"),
	CONSTRAINT "parity_figures_year_check" CHECK ("parity_figures"."year" between 1900 and 2100),
	CONSTRAINT "parity_figures_metric_check" CHECK ("parity_figures"."metric" in ('directors', 'exhibited_artists', 'curators', 'laureates', 'candidates', 'jury_members', 'students', 'teachers', 'published_photographers', 'picture_editors', 'acquisitions', 'residents', 'invited_photographers', 'employees')),
	CONSTRAINT "parity_figures_status_check" CHECK ("parity_figures"."status" in ('published', 'pending', 'rejected', 'replaced'))
);
--> statement-breakpoint
CREATE TABLE "parity_organizations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "parity_organizations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"reference_key" text,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"city" text,
	"region" text,
	"website" text,
	"network" text,
	"parent_id" integer,
	"equality_text" text,
	"equality_text_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parity_organizations_type_check" CHECK ("parity_organizations"."type" in ('exhibition_venue', 'festival', 'school', 'prize', 'press', 'publisher', 'agency', 'museum', 'collection'))
);
--> statement-breakpoint
CREATE TABLE "parity_representatives" (
	"user_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"verified_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parity_representatives_user_id_organization_id_pk" PRIMARY KEY("user_id","organization_id")
);
--> statement-breakpoint
ALTER TABLE "parity_declarations" ADD CONSTRAINT "parity_declarations_organization_id_parity_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."parity_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parity_declarations" ADD CONSTRAINT "parity_declarations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parity_figures" ADD CONSTRAINT "parity_figures_organization_id_parity_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."parity_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parity_figures" ADD CONSTRAINT "parity_figures_declaration_id_parity_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."parity_declarations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parity_figures" ADD CONSTRAINT "parity_figures_replaces_id_parity_figures_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."parity_figures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parity_organizations" ADD CONSTRAINT "parity_organizations_parent_id_parity_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."parity_organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parity_representatives" ADD CONSTRAINT "parity_representatives_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parity_representatives" ADD CONSTRAINT "parity_representatives_organization_id_parity_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."parity_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "parity_declarations_status_idx" ON "parity_declarations" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "parity_declarations_organization_idx" ON "parity_declarations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "parity_declarations_user_idx" ON "parity_declarations" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "parity_figures_published_key" ON "parity_figures" USING btree ("organization_id","year","metric") WHERE "parity_figures"."status" = 'published';--> statement-breakpoint
CREATE INDEX "parity_figures_organization_idx" ON "parity_figures" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "parity_figures_metric_year_idx" ON "parity_figures" USING btree ("metric","year") WHERE "parity_figures"."status" = 'published';--> statement-breakpoint
CREATE INDEX "parity_figures_declaration_idx" ON "parity_figures" USING btree ("declaration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "parity_organizations_slug_key" ON "parity_organizations" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "parity_organizations_reference_key" ON "parity_organizations" USING btree ("reference_key");--> statement-breakpoint
CREATE INDEX "parity_organizations_parent_idx" ON "parity_organizations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "parity_representatives_organization_idx" ON "parity_representatives" USING btree ("organization_id");
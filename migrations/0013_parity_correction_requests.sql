CREATE TABLE "parity_correction_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "parity_correction_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organization_id" integer NOT NULL,
	"message" text NOT NULL,
	"reporter_id" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "parity_correction_requests_status_check" CHECK ("parity_correction_requests"."status" in ('open', 'resolved'))
);
--> statement-breakpoint
ALTER TABLE "parity_correction_requests" ADD CONSTRAINT "parity_correction_requests_organization_id_parity_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."parity_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parity_correction_requests" ADD CONSTRAINT "parity_correction_requests_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "parity_correction_requests_status_idx" ON "parity_correction_requests" USING btree ("status","created_at");
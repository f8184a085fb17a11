CREATE TABLE "recurring_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"lines" jsonb NOT NULL,
	"notes" text,
	"terms" text,
	"frequency" text NOT NULL,
	"start_date" date NOT NULL,
	"end_kind" text DEFAULT 'never' NOT NULL,
	"end_after_count" integer,
	"end_on_date" date,
	"payment_terms_days" integer NOT NULL,
	"mode" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"next_index" integer NOT NULL,
	"next_date" date,
	"invoices_made" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_run_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "recurring_profile_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "recurring_occurrence_date" date;--> statement-breakpoint
CREATE INDEX "recurring_profiles_customer_idx" ON "recurring_profiles" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "recurring_profiles_due_idx" ON "recurring_profiles" USING btree ("next_date") WHERE "recurring_profiles"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_recurring_key" ON "invoices" USING btree ("recurring_profile_id","recurring_occurrence_date");
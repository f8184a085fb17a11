CREATE TABLE "project_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"hourly_rate_minor" bigint,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_tasks_name_length" CHECK (char_length("project_tasks"."name") between 1 and 200),
	CONSTRAINT "project_tasks_rate_range" CHECK (coalesce("project_tasks"."hourly_rate_minor", 0) between 0 and 1000000000000)
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"currency" text NOT NULL,
	"billing_method" text DEFAULT 'project_rate' NOT NULL,
	"fixed_amount_minor" bigint,
	"hourly_rate_minor" bigint,
	"budget_minutes" integer,
	"budget_amount_minor" bigint,
	"status" text DEFAULT 'active' NOT NULL,
	"visible_in_portal" boolean DEFAULT false NOT NULL,
	"needs_approval" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_name_length" CHECK (char_length("projects"."name") between 1 and 200),
	CONSTRAINT "projects_description_length" CHECK (char_length("projects"."description") <= 5000),
	CONSTRAINT "projects_money_range" CHECK (coalesce("projects"."fixed_amount_minor", 0) between 0 and 1000000000000
        and coalesce("projects"."hourly_rate_minor", 0) between 0 and 1000000000000
        and coalesce("projects"."budget_amount_minor", 0) between 0 and 1000000000000),
	CONSTRAINT "projects_budget_minutes_range" CHECK (coalesce("projects"."budget_minutes", 0) between 0 and 60000000)
);
--> statement-breakpoint
CREATE TABLE "time_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"task_id" uuid,
	"user_id" uuid NOT NULL,
	"work_date" date NOT NULL,
	"minutes" integer,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"notes" text,
	"billable" boolean DEFAULT true NOT NULL,
	"invoice_id" uuid,
	"timesheet_id" uuid,
	"approval_status" text DEFAULT 'none' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entries_minutes_or_running" CHECK (("time_entries"."minutes" is null and "time_entries"."started_at" is not null and "time_entries"."ended_at" is null)
        or ("time_entries"."minutes" between 1 and 1440)),
	CONSTRAINT "time_entries_span" CHECK ("time_entries"."ended_at" is null or ("time_entries"."started_at" is not null and "time_entries"."ended_at" > "time_entries"."started_at")),
	CONSTRAINT "time_entries_notes_length" CHECK (char_length("time_entries"."notes") <= 2000),
	CONSTRAINT "time_entries_running_unbilled" CHECK ("time_entries"."minutes" is not null or "time_entries"."invoice_id" is null)
);
--> statement-breakpoint
CREATE TABLE "timesheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"entries_hash" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by_contact_id" uuid,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_from" text,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timesheets_period" CHECK ("timesheets"."period_to" >= "timesheets"."period_from"),
	CONSTRAINT "timesheets_one_decider" CHECK ("timesheets"."decided_by_contact_id" is null or "timesheets"."decided_by_user_id" is null),
	CONSTRAINT "timesheets_reason_length" CHECK (char_length("timesheets"."rejection_reason") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "hourly_rate_minor" bigint;--> statement-breakpoint
CREATE INDEX "project_tasks_project_idx" ON "project_tasks" USING btree ("org_id","project_id");--> statement-breakpoint
CREATE INDEX "projects_customer_idx" ON "projects" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "projects_status_idx" ON "projects" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "time_entries_project_idx" ON "time_entries" USING btree ("org_id","project_id","work_date");--> statement-breakpoint
CREATE INDEX "time_entries_user_idx" ON "time_entries" USING btree ("org_id","user_id","work_date");--> statement-breakpoint
CREATE INDEX "time_entries_invoice_idx" ON "time_entries" USING btree ("org_id","invoice_id");--> statement-breakpoint
CREATE INDEX "time_entries_timesheet_idx" ON "time_entries" USING btree ("org_id","timesheet_id");--> statement-breakpoint
CREATE UNIQUE INDEX "time_entries_one_timer_key" ON "time_entries" USING btree ("org_id","user_id") WHERE "time_entries"."started_at" is not null and "time_entries"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "timesheets_project_idx" ON "timesheets" USING btree ("org_id","project_id","period_from");--> statement-breakpoint
CREATE INDEX "timesheets_customer_idx" ON "timesheets" USING btree ("org_id","customer_id","status");
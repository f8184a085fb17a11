CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"file_name" text NOT NULL,
	"file" text,
	"mapping" jsonb NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"created_by" uuid NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "external_id" text;--> statement-breakpoint
CREATE INDEX "import_jobs_org_idx" ON "import_jobs" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "import_jobs_status_idx" ON "import_jobs" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_external_id_key" ON "customers" USING btree ("org_id","external_id");--> statement-breakpoint
-- Hand-written (issue 12 §2, decision 029): staff of the organisation create and read its import jobs;
-- the in-process runner finds queued and running jobs of every organisation at start (the system scope,
-- read only) and then works on each in its organisation's staff scope.
ALTER TABLE import_jobs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON import_jobs TO portico_app;
--> statement-breakpoint
CREATE POLICY import_jobs_staff ON import_jobs
  USING (app_scope() = 'staff' AND org_id = app_org_id())
  WITH CHECK (app_scope() = 'staff' AND org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY import_jobs_runner ON import_jobs FOR SELECT USING (app_scope() = 'system');
--> statement-breakpoint
ALTER TABLE import_jobs
  ADD CONSTRAINT import_jobs_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id),
  ADD CONSTRAINT import_jobs_user_fk FOREIGN KEY (created_by) REFERENCES users(id),
  ADD CONSTRAINT import_jobs_status_check CHECK (status IN ('queued', 'running', 'done', 'failed')),
  ADD CONSTRAINT import_jobs_kind_check CHECK (kind IN ('customers', 'invoices'));

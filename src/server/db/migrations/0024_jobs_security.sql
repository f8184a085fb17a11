-- Hand-written (issue 15 §1, decision 036). The runner claims and finishes jobs of every organisation in
-- the system scope (like email delivery, 0001). Staff read their organisation's jobs (the "Background
-- jobs" page), put a dead one back (UPDATE) and delete them with the organisation; a staff or contact
-- transaction may enqueue a job of its own organisation (INSERT only: a contact reads none). System jobs
-- (org_id null) are seen by the system scope only.
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON jobs TO portico_app;
--> statement-breakpoint
CREATE POLICY jobs_runner ON jobs USING (app_scope() = 'system') WITH CHECK (app_scope() = 'system');
--> statement-breakpoint
CREATE POLICY jobs_staff ON jobs
  USING (app_scope() = 'staff' AND org_id = app_org_id())
  WITH CHECK (app_scope() = 'staff' AND org_id = app_org_id());
--> statement-breakpoint
CREATE POLICY jobs_enqueue_contact ON jobs FOR INSERT
  WITH CHECK (app_scope() = 'contact' AND org_id = app_org_id());
--> statement-breakpoint
ALTER TABLE jobs
  ADD CONSTRAINT jobs_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id),
  ADD CONSTRAINT jobs_state_check CHECK (state IN ('queued', 'running', 'done', 'dead'));

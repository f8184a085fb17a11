-- Hand-written (issue 15 §4, decision 039). Staff of the organisation reach its projects, tasks, time
-- entries and timesheets. A contact reads its own customer's rows, and only of a project shown in the
-- portal (the timesheets module may add the contact's approval policies in a later migration).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['projects','project_tasks','time_entries','timesheets'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO portico_app', t);
    EXECUTE format($p$CREATE POLICY tenant_staff ON %I
      USING (org_id = app_org_id() AND app_scope() = 'staff')
      WITH CHECK (org_id = app_org_id() AND app_scope() = 'staff')$p$, t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['project_tasks','time_entries','timesheets'] LOOP
    EXECUTE format($p$CREATE POLICY contact_read ON %I FOR SELECT
      USING (org_id = app_org_id() AND app_scope() = 'contact' AND customer_id = app_customer_id()
             AND EXISTS (SELECT 1 FROM projects p
                          WHERE p.org_id = %I.org_id AND p.id = %I.project_id AND p.visible_in_portal))$p$, t, t, t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY contact_read ON projects FOR SELECT
  USING (org_id = app_org_id() AND app_scope() = 'contact' AND customer_id = app_customer_id() AND visible_in_portal);
--> statement-breakpoint
-- Org-consistent references: a child row points at a parent of its own organisation (and customer).
ALTER TABLE projects ADD CONSTRAINT projects_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE projects ADD CONSTRAINT projects_org_customer_id_key UNIQUE (org_id, customer_id, id);
--> statement-breakpoint
ALTER TABLE project_tasks ADD CONSTRAINT project_tasks_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE project_tasks ADD CONSTRAINT project_tasks_org_project_id_key UNIQUE (org_id, project_id, id);
--> statement-breakpoint
ALTER TABLE time_entries ADD CONSTRAINT time_entries_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE timesheets ADD CONSTRAINT timesheets_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE projects
  ADD CONSTRAINT projects_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id),
  ADD CONSTRAINT projects_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id),
  ADD CONSTRAINT projects_billing_method_check CHECK (billing_method IN ('fixed', 'project_rate', 'task_rate', 'staff_rate')),
  ADD CONSTRAINT projects_status_check CHECK (status IN ('active', 'completed', 'archived')),
  ADD CONSTRAINT projects_currency_check CHECK (currency ~ '^[A-Z]{3}$');
--> statement-breakpoint
ALTER TABLE project_tasks
  ADD CONSTRAINT project_tasks_project_fk FOREIGN KEY (org_id, customer_id, project_id)
    REFERENCES projects(org_id, customer_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE timesheets
  ADD CONSTRAINT timesheets_project_fk FOREIGN KEY (org_id, customer_id, project_id)
    REFERENCES projects(org_id, customer_id, id),
  ADD CONSTRAINT timesheets_submitted_by_fk FOREIGN KEY (org_id, submitted_by) REFERENCES memberships(org_id, user_id),
  ADD CONSTRAINT timesheets_decided_by_user_fk FOREIGN KEY (org_id, decided_by_user_id) REFERENCES memberships(org_id, user_id),
  ADD CONSTRAINT timesheets_decided_by_contact_fk FOREIGN KEY (org_id, decided_by_contact_id) REFERENCES contacts(org_id, id),
  ADD CONSTRAINT timesheets_status_check CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn'));
--> statement-breakpoint
ALTER TABLE time_entries
  ADD CONSTRAINT time_entries_project_fk FOREIGN KEY (org_id, customer_id, project_id)
    REFERENCES projects(org_id, customer_id, id),
  ADD CONSTRAINT time_entries_task_fk FOREIGN KEY (org_id, project_id, task_id)
    REFERENCES project_tasks(org_id, project_id, id),
  ADD CONSTRAINT time_entries_user_fk FOREIGN KEY (org_id, user_id) REFERENCES memberships(org_id, user_id),
  ADD CONSTRAINT time_entries_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id),
  ADD CONSTRAINT time_entries_timesheet_fk FOREIGN KEY (org_id, timesheet_id) REFERENCES timesheets(org_id, id),
  ADD CONSTRAINT time_entries_approval_status_check CHECK (approval_status IN ('none', 'pending', 'approved', 'rejected'));
--> statement-breakpoint
ALTER TABLE memberships
  ADD CONSTRAINT memberships_hourly_rate_range CHECK (hourly_rate_minor IS NULL OR hourly_rate_minor BETWEEN 0 AND 1000000000000);

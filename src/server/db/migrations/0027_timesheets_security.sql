-- Hand-written (issue 15 §5, decision 040). A contact decides a pending timesheet of its own customer's
-- portal-visible project: it may move the timesheet from pending to approved or rejected (signing it as
-- itself) and its entries from pending to approved or rejected. Nothing else is writable from the portal.
CREATE POLICY contact_decide ON timesheets FOR UPDATE
  USING (org_id = app_org_id() AND app_scope() = 'contact' AND customer_id = app_customer_id()
         AND status = 'pending'
         AND EXISTS (SELECT 1 FROM projects p
                      WHERE p.org_id = timesheets.org_id AND p.id = timesheets.project_id AND p.visible_in_portal))
  WITH CHECK (org_id = app_org_id() AND app_scope() = 'contact' AND customer_id = app_customer_id()
              AND status IN ('approved', 'rejected') AND decided_by_contact_id IS NOT NULL
              AND decided_by_user_id IS NULL);
--> statement-breakpoint
CREATE POLICY contact_decide ON time_entries FOR UPDATE
  USING (org_id = app_org_id() AND app_scope() = 'contact' AND customer_id = app_customer_id()
         AND approval_status = 'pending'
         AND EXISTS (SELECT 1 FROM projects p
                      WHERE p.org_id = time_entries.org_id AND p.id = time_entries.project_id AND p.visible_in_portal))
  WITH CHECK (org_id = app_org_id() AND app_scope() = 'contact' AND customer_id = app_customer_id()
              AND approval_status IN ('approved', 'rejected'));
--> statement-breakpoint
-- A timesheet is a commentable document (A14).
ALTER TABLE comments DROP CONSTRAINT comments_document_type_check;
--> statement-breakpoint
ALTER TABLE comments ADD CONSTRAINT comments_document_type_check
  CHECK (document_type IN ('quote', 'invoice', 'sales_order', 'timesheet'));
--> statement-breakpoint
-- Evidence of a decision: a rejection carries its reason, a decision its time.
ALTER TABLE timesheets ADD CONSTRAINT timesheets_decision_check CHECK (
  (status = 'pending' AND decided_at IS NULL)
  OR (status = 'withdrawn')
  OR (status IN ('approved', 'rejected') AND decided_at IS NOT NULL
      AND (decided_by_contact_id IS NOT NULL OR decided_by_user_id IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE timesheets ADD CONSTRAINT timesheets_rejection_reason_check CHECK (
  status <> 'rejected' OR char_length(btrim(coalesce(rejection_reason, ''))) > 0
);

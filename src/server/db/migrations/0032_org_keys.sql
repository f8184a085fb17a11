-- Hand-written. Issue 15's tables referenced their parents by id alone; like every older tenant table (0001,
-- 0026) they now reference them with the organisation, so a row can only ever point at a parent of its own
-- organisation, whatever the code does, and the tables stay distributable by org_id (issue 18).
ALTER TABLE recurring_profiles ADD CONSTRAINT recurring_profiles_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE recurring_profiles
  DROP CONSTRAINT recurring_profiles_customer_fk,
  ADD CONSTRAINT recurring_profiles_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
-- Deleting a profile keeps its invoices and clears only their link (decision 037), never their org_id.
ALTER TABLE invoices
  DROP CONSTRAINT invoices_recurring_profile_fk,
  ADD CONSTRAINT invoices_recurring_profile_fk FOREIGN KEY (org_id, recurring_profile_id)
    REFERENCES recurring_profiles(org_id, id) ON DELETE SET NULL (recurring_profile_id);
--> statement-breakpoint
ALTER TABLE invoice_reminders
  DROP CONSTRAINT invoice_reminders_invoice_fk,
  DROP CONSTRAINT invoice_reminders_customer_fk,
  ADD CONSTRAINT invoice_reminders_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id),
  ADD CONSTRAINT invoice_reminders_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);

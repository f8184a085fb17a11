-- Hand-written (issue 15 §3, decision 038). Reminder settings and sent reminders belong to the
-- organisation's staff (the reminders task runs in each organisation's staff scope); contacts see neither.
ALTER TABLE reminder_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reminder_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invoice_reminders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invoice_reminders FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON reminder_settings, invoice_reminders TO portico_app;
--> statement-breakpoint
CREATE POLICY reminder_settings_staff ON reminder_settings
  USING (org_id = app_org_id() AND app_scope() = 'staff')
  WITH CHECK (org_id = app_org_id() AND app_scope() = 'staff');
--> statement-breakpoint
-- The reminders task lists the organisations that have settings before it enters each one's scope.
CREATE POLICY reminder_settings_task ON reminder_settings FOR SELECT USING (app_scope() = 'system');
--> statement-breakpoint
CREATE POLICY invoice_reminders_staff ON invoice_reminders
  USING (org_id = app_org_id() AND app_scope() = 'staff')
  WITH CHECK (org_id = app_org_id() AND app_scope() = 'staff');
--> statement-breakpoint
ALTER TABLE reminder_settings ADD CONSTRAINT reminder_settings_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);
--> statement-breakpoint
ALTER TABLE invoice_reminders
  ADD CONSTRAINT invoice_reminders_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id),
  ADD CONSTRAINT invoice_reminders_invoice_fk FOREIGN KEY (invoice_id) REFERENCES invoices(id),
  ADD CONSTRAINT invoice_reminders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers(id),
  ADD CONSTRAINT invoice_reminders_kind_check CHECK (kind IN ('before_due', 'on_due', 'after_due'));

-- Hand-written (issue 15 §2, decision 037). Recurring profiles are back-office data: staff of the
-- organisation only (contacts see the invoices a profile made, never the profile). The tick finds the
-- due profiles of every organisation in the system scope, reading only (SELECT): it makes each invoice in
-- the organisation's staff scope, like any invoice.
ALTER TABLE recurring_profiles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE recurring_profiles FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON recurring_profiles TO portico_app;
--> statement-breakpoint
CREATE POLICY tenant_staff ON recurring_profiles
  USING (org_id = app_org_id() AND app_scope() = 'staff')
  WITH CHECK (org_id = app_org_id() AND app_scope() = 'staff');
--> statement-breakpoint
CREATE POLICY recurring_tick ON recurring_profiles FOR SELECT USING (app_scope() = 'system');
--> statement-breakpoint
ALTER TABLE recurring_profiles
  ADD CONSTRAINT recurring_profiles_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id),
  ADD CONSTRAINT recurring_profiles_customer_fk FOREIGN KEY (customer_id) REFERENCES customers(id),
  ADD CONSTRAINT recurring_profiles_next_index_check CHECK (next_index >= 0),
  ADD CONSTRAINT recurring_profiles_end_check CHECK (
    (end_kind = 'never' AND end_after_count IS NULL AND end_on_date IS NULL)
    OR (end_kind = 'after_count' AND end_after_count >= 1 AND end_on_date IS NULL)
    OR (end_kind = 'on_date' AND end_after_count IS NULL AND end_on_date IS NOT NULL));
--> statement-breakpoint
-- Deleting a profile keeps the invoices it made; they no longer name it (CP1004: no charge of the saved
-- method for such an invoice, decision 037).
ALTER TABLE invoices
  ADD CONSTRAINT invoices_recurring_profile_fk FOREIGN KEY (recurring_profile_id)
    REFERENCES recurring_profiles(id) ON DELETE SET NULL;

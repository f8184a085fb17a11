-- Hand-written (issue 16 §5, decision 046). An organisation's email templates: its staff read and write
-- them; a contact's transaction reads them too, because emails a contact causes (a password reset, a
-- payment receipt) are rendered in the contact's scope with the organisation's text. Nobody else.
ALTER TABLE email_templates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE email_templates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON email_templates TO portico_app;
--> statement-breakpoint
CREATE POLICY email_templates_staff ON email_templates
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'staff')
  WITH CHECK (org_id = (select app_org_id()) AND (select app_scope()) = 'staff');
--> statement-breakpoint
CREATE POLICY email_templates_contact_read ON email_templates FOR SELECT
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'contact');
--> statement-breakpoint
ALTER TABLE email_templates
  ADD CONSTRAINT email_templates_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id),
  ADD CONSTRAINT email_templates_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users(id),
  ADD CONSTRAINT email_templates_language_check CHECK (language IN ('es', 'en'));

-- Hand-written (issue 17 §3, decision 053). The signing certificate is the staff's side of an organisation,
-- like gateway credentials: the portal's Facturae download signs through a service that acts for the
-- organisation (withOrg), never in a contact's scope.
ALTER TABLE signing_certificates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE signing_certificates FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON signing_certificates TO portico_app;
--> statement-breakpoint
CREATE POLICY tenant_staff ON signing_certificates
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'staff')
  WITH CHECK (org_id = (select app_org_id()) AND (select app_scope()) = 'staff');
--> statement-breakpoint
ALTER TABLE signing_certificates
  ADD CONSTRAINT signing_certificates_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id),
  ADD CONSTRAINT signing_certificates_user_fk FOREIGN KEY (updated_by) REFERENCES users(id);
--> statement-breakpoint
ALTER TABLE customers
  ADD CONSTRAINT customers_dir3_check CHECK (
    char_length(dir3_accounting_office) <= 10 AND char_length(dir3_managing_body) <= 10
    AND char_length(dir3_processing_unit) <= 10
  );

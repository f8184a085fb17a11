-- Tenancy (see DESIGN.md and docs/decisions/001-tenancy-with-rls.md).
-- The app runs every query as the non-owner role portico_app, with app.scope / app.org_id / app.customer_id
-- set by SET LOCAL. FORCE makes the policies apply even to the tables' owner; nothing set means no rows.
-- Roles are cluster-wide: several databases (test runs) may race to create it.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portico_app') THEN
    CREATE ROLE portico_app NOLOGIN NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  IF NOT pg_has_role(current_user, 'portico_app', 'MEMBER') THEN
    EXECUTE format('GRANT portico_app TO %I', current_user);
  END IF;
EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO portico_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_scope() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('app.scope', true), ''), 'none') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_org_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_customer_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.customer_id', true), '')::uuid $$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
  staff_only text[] := ARRAY['memberships','taxes','number_series','number_counters','emails','notifications'];
  per_customer text[] := ARRAY['contacts','invoices','invoice_lines','payments'];
  -- Tables read by token hash before any tenant is known (sign-in, emailed links, gateway confirmations):
  -- the 'system' scope may reach them, and only them.
  auth_tables text[] := ARRAY['contact_sessions','document_links','checkout_sessions'];
BEGIN
  FOREACH t IN ARRAY staff_only || per_customer || auth_tables || ARRAY['organisations','customers','users','staff_sessions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO portico_app', t);
  END LOOP;

  FOREACH t IN ARRAY staff_only LOOP
    EXECUTE format($p$CREATE POLICY tenant_staff ON %I
      USING (org_id = app_org_id() AND app_scope() = 'staff')
      WITH CHECK (org_id = app_org_id() AND app_scope() = 'staff')$p$, t);
  END LOOP;

  FOREACH t IN ARRAY per_customer LOOP
    EXECUTE format($p$CREATE POLICY tenant_customer ON %I
      USING (org_id = app_org_id() AND (app_scope() = 'staff'
             OR (app_scope() = 'contact' AND customer_id = app_customer_id())))
      WITH CHECK (org_id = app_org_id() AND (app_scope() = 'staff'
             OR (app_scope() = 'contact' AND customer_id = app_customer_id())))$p$, t);
  END LOOP;

  FOREACH t IN ARRAY auth_tables LOOP
    EXECUTE format($p$CREATE POLICY tenant_auth ON %I
      USING (app_scope() = 'system' OR (org_id = app_org_id() AND app_scope() = 'staff')
             OR (org_id = app_org_id() AND app_scope() = 'contact' AND customer_id = app_customer_id()))
      WITH CHECK (app_scope() = 'system' OR (org_id = app_org_id() AND app_scope() = 'staff')
             OR (org_id = app_org_id() AND app_scope() = 'contact' AND customer_id = app_customer_id()))$p$, t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY tenant_auth ON staff_sessions
  USING (app_scope() = 'system' OR (org_id = app_org_id() AND app_scope() = 'staff'))
  WITH CHECK (app_scope() = 'system' OR (org_id = app_org_id() AND app_scope() = 'staff'));
--> statement-breakpoint
-- A contact sees its own customer; staff see their organisation's.
CREATE POLICY tenant_customer ON customers
  USING (org_id = app_org_id() AND (app_scope() = 'staff' OR (app_scope() = 'contact' AND id = app_customer_id())))
  WITH CHECK (org_id = app_org_id() AND (app_scope() = 'staff' OR (app_scope() = 'contact' AND id = app_customer_id())));
--> statement-breakpoint
-- Portal visitors read the branding of the organisation they are in; only staff change it; only the
-- system scope (sign-up, seeding, resolving a portal slug) reaches an organisation before knowing it.
CREATE POLICY org_read ON organisations FOR SELECT
  USING (app_scope() = 'system' OR (id = app_org_id() AND app_scope() IN ('staff', 'contact')));
--> statement-breakpoint
CREATE POLICY org_write ON organisations FOR UPDATE
  USING (id = app_org_id() AND app_scope() = 'staff') WITH CHECK (id = app_org_id() AND app_scope() = 'staff');
--> statement-breakpoint
CREATE POLICY org_create ON organisations FOR INSERT WITH CHECK (app_scope() = 'system');
--> statement-breakpoint
-- Staff accounts span organisations; they are reached by e-mail at sign-in (system) or by a member of an org.
CREATE POLICY users_access ON users
  USING (app_scope() = 'system' OR (app_scope() = 'staff' AND EXISTS (
    SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.org_id = app_org_id())))
  WITH CHECK (app_scope() = 'system');
--> statement-breakpoint
-- Memberships are also read at sign-in to find a user's organisations.
CREATE POLICY memberships_signin ON memberships FOR SELECT USING (app_scope() = 'system');
--> statement-breakpoint
CREATE POLICY memberships_create ON memberships FOR INSERT WITH CHECK (app_scope() = 'system');
--> statement-breakpoint
-- Delivery of queued email runs across organisations, after the transaction that wrote it.
CREATE POLICY emails_delivery ON emails USING (app_scope() = 'system') WITH CHECK (app_scope() = 'system');
--> statement-breakpoint
-- A contact's portal view marks a document viewed and raises a notification for staff.
CREATE POLICY notifications_from_portal ON notifications FOR INSERT
  WITH CHECK (org_id = app_org_id() AND app_scope() = 'contact');
--> statement-breakpoint
-- Org-consistent references: a child row can only point at a parent of its own organisation.
ALTER TABLE customers ADD CONSTRAINT customers_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE contacts ADD CONSTRAINT contacts_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE number_series ADD CONSTRAINT number_series_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE customers ADD CONSTRAINT customers_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);
--> statement-breakpoint
ALTER TABLE memberships ADD CONSTRAINT memberships_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);
--> statement-breakpoint
ALTER TABLE memberships ADD CONSTRAINT memberships_user_fk FOREIGN KEY (user_id) REFERENCES users(id);
--> statement-breakpoint
ALTER TABLE contacts ADD CONSTRAINT contacts_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE taxes ADD CONSTRAINT taxes_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);
--> statement-breakpoint
ALTER TABLE number_series ADD CONSTRAINT number_series_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);
--> statement-breakpoint
ALTER TABLE number_counters ADD CONSTRAINT number_counters_series_fk FOREIGN KEY (org_id, series_id) REFERENCES number_series(org_id, id);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_series_fk FOREIGN KEY (org_id, series_id) REFERENCES number_series(org_id, id);
--> statement-breakpoint
ALTER TABLE invoice_lines ADD CONSTRAINT invoice_lines_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE document_links ADD CONSTRAINT document_links_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE contact_sessions ADD CONSTRAINT contact_sessions_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE checkout_sessions ADD CONSTRAINT checkout_sessions_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE emails ADD CONSTRAINT emails_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);
--> statement-breakpoint
ALTER TABLE notifications ADD CONSTRAINT notifications_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);
--> statement-breakpoint
ALTER TABLE staff_sessions ADD CONSTRAINT staff_sessions_user_fk FOREIGN KEY (user_id) REFERENCES users(id);

CREATE TABLE "login_attempts" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "portal_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid,
	"contact_id" uuid,
	"action" text NOT NULL,
	"document_type" text,
	"document_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_slug_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "password_hash" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "invited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "password_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "portal_options" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "notification_prefs" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_sessions" ADD COLUMN "preview_user_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_tokens_token_key" ON "portal_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "portal_tokens_contact_idx" ON "portal_tokens" USING btree ("org_id","contact_id");--> statement-breakpoint
CREATE INDEX "audit_events_customer_idx" ON "audit_events" USING btree ("org_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_document_idx" ON "audit_events" USING btree ("org_id","document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_slug_history_slug_key" ON "portal_slug_history" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "portal_slug_history_org_idx" ON "portal_slug_history" USING btree ("org_id");--> statement-breakpoint
-- Row-level security for the portal-access tables (same scheme as 0001_security.sql).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['portal_tokens','audit_events','portal_slug_history','login_attempts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO portico_app', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Invitation and reset tokens are looked up by hash before a tenant is known, like document links.
CREATE POLICY tenant_auth ON portal_tokens
  USING (app_scope() = 'system' OR (org_id = app_org_id() AND app_scope() = 'staff')
         OR (org_id = app_org_id() AND app_scope() = 'contact' AND customer_id = app_customer_id()))
  WITH CHECK (app_scope() = 'system' OR (org_id = app_org_id() AND app_scope() = 'staff')
         OR (org_id = app_org_id() AND app_scope() = 'contact' AND customer_id = app_customer_id()));
--> statement-breakpoint
-- Throttling counters span tenants (keyed by a hash of scope + email) and are only touched at sign-in.
CREATE POLICY signin_only ON login_attempts
  USING (app_scope() = 'system') WITH CHECK (app_scope() = 'system');
--> statement-breakpoint
-- The audit trail: staff read their organisation's; a contact's actions are written from its own scope
-- (or the system scope at sign-in) and never read back by contacts.
CREATE POLICY audit_staff ON audit_events
  USING (org_id = app_org_id() AND app_scope() = 'staff')
  WITH CHECK (org_id = app_org_id() AND app_scope() = 'staff');
--> statement-breakpoint
CREATE POLICY audit_from_portal ON audit_events FOR INSERT
  WITH CHECK (org_id = app_org_id() AND app_scope() = 'contact' AND customer_id = app_customer_id());
--> statement-breakpoint
CREATE POLICY audit_from_system ON audit_events FOR INSERT WITH CHECK (app_scope() = 'system');
--> statement-breakpoint
-- Old portal addresses are resolved before a tenant is known; staff manage their own.
CREATE POLICY slug_history ON portal_slug_history
  USING (app_scope() = 'system' OR (org_id = app_org_id() AND app_scope() = 'staff'))
  WITH CHECK (app_scope() = 'system' OR (org_id = app_org_id() AND app_scope() = 'staff'));
--> statement-breakpoint
ALTER TABLE portal_tokens ADD CONSTRAINT portal_tokens_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE audit_events ADD CONSTRAINT audit_events_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);
--> statement-breakpoint
ALTER TABLE portal_slug_history ADD CONSTRAINT portal_slug_history_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);

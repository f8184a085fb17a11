CREATE TABLE "staff_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"invited_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "last_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_invitations_token_key" ON "staff_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "staff_invitations_org_idx" ON "staff_invitations" USING btree ("org_id","created_at");--> statement-breakpoint
-- Hand-written (issue 12 §3), kept at the end: the organisation's staff list and revoke its invitations;
-- the accept page reads one by its token hash before anyone is signed in, in the system scope, like
-- portal_tokens in 0002_portal_access.sql.
ALTER TABLE staff_invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE staff_invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON staff_invitations TO portico_app;
--> statement-breakpoint
CREATE POLICY tenant_auth ON staff_invitations
  USING (app_scope() = 'system' OR (org_id = app_org_id() AND app_scope() = 'staff'))
  WITH CHECK (app_scope() = 'system' OR (org_id = app_org_id() AND app_scope() = 'staff'));
--> statement-breakpoint
ALTER TABLE staff_invitations ADD CONSTRAINT staff_invitations_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);

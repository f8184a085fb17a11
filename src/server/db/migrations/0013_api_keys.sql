CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scope" text NOT NULL,
	"expires_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "allocations" ADD COLUMN "api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "api_key_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_key" ON "api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "api_keys_org_idx" ON "api_keys" USING btree ("org_id","created_at");--> statement-breakpoint
-- Hand-written (G5), kept at the end: a key is found by the hash of its secret before its organisation is
-- known (the system scope, like staff_sessions in 0001_security.sql); staff of the organisation list and
-- revoke its keys. Rows written with a key name it (api_key_id) within the same organisation.
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON api_keys TO portico_app;
--> statement-breakpoint
CREATE POLICY tenant_auth ON api_keys
  USING (app_scope() = 'system' OR (org_id = app_org_id() AND app_scope() = 'staff'))
  WITH CHECK (app_scope() = 'system' OR (org_id = app_org_id() AND app_scope() = 'staff'));
--> statement-breakpoint
ALTER TABLE api_keys ADD CONSTRAINT api_keys_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE api_keys ADD CONSTRAINT api_keys_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);
--> statement-breakpoint
ALTER TABLE api_keys ADD CONSTRAINT api_keys_user_fk FOREIGN KEY (created_by) REFERENCES users(id);
--> statement-breakpoint
ALTER TABLE api_keys ADD CONSTRAINT api_keys_scope_check CHECK (scope IN ('read', 'write'));
--> statement-breakpoint
ALTER TABLE comments ADD CONSTRAINT comments_api_key_fk FOREIGN KEY (org_id, api_key_id) REFERENCES api_keys(org_id, id);
--> statement-breakpoint
ALTER TABLE allocations ADD CONSTRAINT allocations_api_key_fk FOREIGN KEY (org_id, api_key_id) REFERENCES api_keys(org_id, id);
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_api_key_fk FOREIGN KEY (org_id, api_key_id) REFERENCES api_keys(org_id, id);
--> statement-breakpoint
ALTER TABLE refunds ADD CONSTRAINT refunds_api_key_fk FOREIGN KEY (org_id, api_key_id) REFERENCES api_keys(org_id, id);

CREATE TABLE "gateway_credentials" (
	"org_id" uuid NOT NULL,
	"gateway" text NOT NULL,
	"key_id" text NOT NULL,
	"nonce" "bytea" NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"tag" "bytea" NOT NULL,
	"masked" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid NOT NULL,
	CONSTRAINT "gateway_credentials_org_id_gateway_pk" PRIMARY KEY("org_id","gateway")
);
--> statement-breakpoint
CREATE TABLE "gateway_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"gateway" text NOT NULL,
	"event_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD COLUMN "provider_ref" text;--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD COLUMN "provider_start" jsonb;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "disputed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "status" text DEFAULT 'succeeded' NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "gateway_reference" text;--> statement-breakpoint
CREATE UNIQUE INDEX "gateway_events_event_key" ON "gateway_events" USING btree ("org_id","gateway","event_id");--> statement-breakpoint
-- Hand-written (issue 13), kept at the end: credentials and applied notifications are the staff's side of
-- an organisation. The portal's checkout and the providers' notifications reach them through services
-- that act for the organisation (withOrg), never in a contact's scope.
ALTER TABLE gateway_credentials ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE gateway_credentials FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON gateway_credentials TO portico_app;
--> statement-breakpoint
CREATE POLICY tenant_staff ON gateway_credentials
  USING (org_id = app_org_id() AND app_scope() = 'staff')
  WITH CHECK (org_id = app_org_id() AND app_scope() = 'staff');
--> statement-breakpoint
ALTER TABLE gateway_credentials ADD CONSTRAINT gateway_credentials_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);
--> statement-breakpoint
ALTER TABLE gateway_credentials ADD CONSTRAINT gateway_credentials_user_fk FOREIGN KEY (updated_by) REFERENCES users(id);
--> statement-breakpoint
ALTER TABLE gateway_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE gateway_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON gateway_events TO portico_app;
--> statement-breakpoint
CREATE POLICY tenant_staff ON gateway_events
  USING (org_id = app_org_id() AND app_scope() = 'staff')
  WITH CHECK (org_id = app_org_id() AND app_scope() = 'staff');
--> statement-breakpoint
ALTER TABLE gateway_events ADD CONSTRAINT gateway_events_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);
--> statement-breakpoint
ALTER TABLE refunds ADD CONSTRAINT refunds_status_check CHECK (status IN ('pending', 'succeeded'));

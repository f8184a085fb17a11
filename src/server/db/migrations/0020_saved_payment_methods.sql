CREATE TABLE "saved_payment_methods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"gateway" text NOT NULL,
	"provider_customer_id" text NOT NULL,
	"provider_method_id" text NOT NULL,
	"label" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "saved_payment_methods_provider_key" ON "saved_payment_methods" USING btree ("org_id","gateway","provider_method_id");--> statement-breakpoint
CREATE INDEX "saved_payment_methods_contact_idx" ON "saved_payment_methods" USING btree ("org_id","contact_id");--> statement-breakpoint
-- Hand-written (issue 13, E12), kept at the end: saved methods are per customer, like the portal's other
-- tables in 0001_security.sql (staff of the organisation, or a contact of that customer).
ALTER TABLE saved_payment_methods ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE saved_payment_methods FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_payment_methods TO portico_app;
--> statement-breakpoint
CREATE POLICY tenant_customer ON saved_payment_methods
  USING (org_id = app_org_id() AND (app_scope() = 'staff'
         OR (app_scope() = 'contact' AND customer_id = app_customer_id())))
  WITH CHECK (org_id = app_org_id() AND (app_scope() = 'staff'
         OR (app_scope() = 'contact' AND customer_id = app_customer_id())));
--> statement-breakpoint
ALTER TABLE saved_payment_methods ADD CONSTRAINT saved_payment_methods_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);
--> statement-breakpoint
ALTER TABLE saved_payment_methods ADD CONSTRAINT saved_payment_methods_contact_fk FOREIGN KEY (contact_id) REFERENCES contacts(id);

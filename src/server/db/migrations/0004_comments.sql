CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"document_id" uuid NOT NULL,
	"author_kind" text NOT NULL,
	"author_user_id" uuid,
	"author_contact_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"visible_in_portal" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"document_id" uuid NOT NULL,
	"shared_by_contact_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "comments_document_idx" ON "comments" USING btree ("org_id","document_type","document_id","created_at");--> statement-breakpoint
CREATE INDEX "document_shares_sharer_idx" ON "document_shares" USING btree ("org_id","shared_by_contact_id","created_at");--> statement-breakpoint
-- Comments (A14) and shares (E14): see docs/decisions/010-comments-and-live-updates.md.
ALTER TABLE comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE comments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON comments TO portico_app;
--> statement-breakpoint
ALTER TABLE document_shares ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE document_shares FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON document_shares TO portico_app;
--> statement-breakpoint
-- Staff read and write every comment of their organisation.
CREATE POLICY comments_staff ON comments
  USING (org_id = app_org_id() AND app_scope() = 'staff')
  WITH CHECK (org_id = app_org_id() AND app_scope() = 'staff');
--> statement-breakpoint
-- A contact reads its customer's comments that are shown in the portal or were written by a contact;
-- a staff-only note stays out of reach even of a raw query without a WHERE clause.
CREATE POLICY comments_contact_read ON comments FOR SELECT
  USING (org_id = app_org_id() AND app_scope() = 'contact' AND customer_id = app_customer_id()
         AND (visible_in_portal OR author_kind = 'contact'));
--> statement-breakpoint
-- A contact writes only as a contact of its own customer, and only comments everyone may see.
CREATE POLICY comments_contact_insert ON comments FOR INSERT
  WITH CHECK (org_id = app_org_id() AND app_scope() = 'contact' AND customer_id = app_customer_id()
         AND author_kind = 'contact' AND visible_in_portal
         AND EXISTS (SELECT 1 FROM contacts c WHERE c.id = author_contact_id AND c.customer_id = app_customer_id()));
--> statement-breakpoint
CREATE POLICY tenant_customer ON document_shares
  USING (org_id = app_org_id() AND (app_scope() = 'staff'
         OR (app_scope() = 'contact' AND customer_id = app_customer_id())))
  WITH CHECK (org_id = app_org_id() AND (app_scope() = 'staff'
         OR (app_scope() = 'contact' AND customer_id = app_customer_id())));
--> statement-breakpoint
ALTER TABLE comments ADD CONSTRAINT comments_author_check CHECK (
  (author_kind = 'staff' AND author_user_id IS NOT NULL AND author_contact_id IS NULL)
  OR (author_kind = 'contact' AND author_contact_id IS NOT NULL AND author_user_id IS NULL AND visible_in_portal));
--> statement-breakpoint
ALTER TABLE comments ADD CONSTRAINT comments_body_check CHECK (char_length(body) BETWEEN 1 AND 5000);
--> statement-breakpoint
ALTER TABLE comments ADD CONSTRAINT comments_document_type_check CHECK (document_type IN ('quote', 'invoice', 'sales_order'));
--> statement-breakpoint
ALTER TABLE comments ADD CONSTRAINT comments_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE comments ADD CONSTRAINT comments_contact_fk FOREIGN KEY (org_id, author_contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE comments ADD CONSTRAINT comments_user_fk FOREIGN KEY (author_user_id) REFERENCES users(id);
--> statement-breakpoint
ALTER TABLE document_shares ADD CONSTRAINT document_shares_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE document_shares ADD CONSTRAINT document_shares_sharer_fk FOREIGN KEY (org_id, shared_by_contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE document_shares ADD CONSTRAINT document_shares_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);

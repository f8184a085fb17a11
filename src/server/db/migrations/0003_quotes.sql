CREATE TABLE "quote_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"signer_email" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text NOT NULL,
	"user_agent" text,
	"signature_png" "bytea",
	"document_hash" text NOT NULL,
	"hash_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quote_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"quantity_milli" integer NOT NULL,
	"unit_price_minor" bigint DEFAULT 0 NOT NULL,
	"discount_bp" integer DEFAULT 0 NOT NULL,
	"taxes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"gross_minor" bigint DEFAULT 0 NOT NULL,
	"discount_minor" bigint DEFAULT 0 NOT NULL,
	"net_minor" bigint DEFAULT 0 NOT NULL,
	"tax_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"root_id" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"number" text,
	"year" integer,
	"sequence" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"issue_date" date NOT NULL,
	"expiry_date" date,
	"currency" text NOT NULL,
	"notes" text,
	"terms" text,
	"require_signature" boolean DEFAULT false NOT NULL,
	"subtotal_minor" bigint DEFAULT 0 NOT NULL,
	"discount_minor" bigint DEFAULT 0 NOT NULL,
	"net_minor" bigint DEFAULT 0 NOT NULL,
	"tax_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint DEFAULT 0 NOT NULL,
	"tax_breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"customer_snapshot" jsonb,
	"sent_at" timestamp with time zone,
	"viewed_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"decline_reason" text,
	"declined_by_contact_id" uuid,
	"superseded_at" timestamp with time zone,
	"invoice_id" uuid,
	"invoiced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "quote_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "quote_acceptances_quote_key" ON "quote_acceptances" USING btree ("org_id","quote_id");--> statement-breakpoint
CREATE INDEX "quote_lines_quote_idx" ON "quote_lines" USING btree ("quote_id","position");--> statement-breakpoint
CREATE INDEX "quotes_customer_idx" ON "quotes" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "quotes_root_idx" ON "quotes" USING btree ("org_id","root_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_number_key" ON "quotes" USING btree ("org_id","series_id","year","sequence","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_one_draft_key" ON "quotes" USING btree ("org_id","root_id") WHERE "quotes"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_quote_key" ON "invoices" USING btree ("org_id","quote_id");--> statement-breakpoint
-- Row-level security for quotes (same scheme as 0001_security.sql): per customer, like invoices.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['quotes','quote_lines','quote_acceptances'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO portico_app', t);
    EXECUTE format($p$CREATE POLICY tenant_customer ON %I
      USING (org_id = app_org_id() AND (app_scope() = 'staff'
             OR (app_scope() = 'contact' AND customer_id = app_customer_id())))
      WITH CHECK (org_id = app_org_id() AND (app_scope() = 'staff'
             OR (app_scope() = 'contact' AND customer_id = app_customer_id())))$p$, t);
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE quotes ADD CONSTRAINT quotes_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE quotes ADD CONSTRAINT quotes_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE quotes ADD CONSTRAINT quotes_series_fk FOREIGN KEY (org_id, series_id) REFERENCES number_series(org_id, id);
--> statement-breakpoint
ALTER TABLE quotes ADD CONSTRAINT quotes_previous_fk FOREIGN KEY (org_id, previous_id) REFERENCES quotes(org_id, id);
--> statement-breakpoint
ALTER TABLE quotes ADD CONSTRAINT quotes_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE quote_lines ADD CONSTRAINT quote_lines_quote_fk FOREIGN KEY (org_id, quote_id) REFERENCES quotes(org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE quote_acceptances ADD CONSTRAINT quote_acceptances_quote_fk FOREIGN KEY (org_id, quote_id) REFERENCES quotes(org_id, id);
--> statement-breakpoint
ALTER TABLE quote_acceptances ADD CONSTRAINT quote_acceptances_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_quote_fk FOREIGN KEY (org_id, quote_id) REFERENCES quotes(org_id, id);
--> statement-breakpoint
-- The default quote series ("P") for organisations created before quotes existed. Written per
-- organisation in its own staff scope, so it works whether or not the migrating role bypasses RLS.
DO $$
DECLARE
  ids uuid[];
  langs text[];
  i int;
BEGIN
  -- Read every organisation first (system scope), then write each one's series in its own scope.
  PERFORM set_config('app.scope', 'system', true);
  SELECT coalesce(array_agg(id ORDER BY id), '{}'), coalesce(array_agg(language ORDER BY id), '{}')
    INTO ids, langs FROM organisations;
  FOR i IN 1 .. coalesce(array_length(ids, 1), 0) LOOP
    PERFORM set_config('app.scope', 'staff', true), set_config('app.org_id', ids[i]::text, true);
    INSERT INTO number_series (org_id, document_type, name, prefix, is_default)
      SELECT ids[i], 'quote', CASE WHEN langs[i] = 'es' THEN 'Presupuestos' ELSE 'Quotes' END, 'P', true
       WHERE NOT EXISTS (SELECT 1 FROM number_series s WHERE s.org_id = ids[i] AND s.document_type = 'quote');
  END LOOP;
  PERFORM set_config('app.scope', '', true), set_config('app.org_id', '', true);
END $$;

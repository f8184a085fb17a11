CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"payment_id" uuid,
	"source_invoice_id" uuid,
	"invoice_id" uuid NOT NULL,
	"amount_minor" bigint DEFAULT 0 NOT NULL,
	"refund_id" uuid,
	"applied_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocations_one_source" CHECK (("allocations"."payment_id" is null) <> ("allocations"."source_invoice_id" is null))
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"payment_id" uuid,
	"source_invoice_id" uuid,
	"amount_minor" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"method" text NOT NULL,
	"refunded_on" date NOT NULL,
	"reference" text,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_one_source" CHECK (("refunds"."payment_id" is null) <> ("refunds"."source_invoice_id" is null)),
	CONSTRAINT "refunds_positive" CHECK ("refunds"."amount_minor" > 0)
);
--> statement-breakpoint
DROP INDEX "checkout_sessions_invoice_idx";--> statement-breakpoint
DROP INDEX "payments_invoice_idx";--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "kind" text DEFAULT 'invoice' NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "corrects_invoice_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "used_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD COLUMN "allocations" jsonb;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "number" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "paid_on" date;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "checkout_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "recorded_by" uuid;--> statement-breakpoint
CREATE INDEX "allocations_invoice_idx" ON "allocations" USING btree ("org_id","invoice_id");--> statement-breakpoint
CREATE INDEX "allocations_payment_idx" ON "allocations" USING btree ("org_id","payment_id");--> statement-breakpoint
CREATE INDEX "allocations_source_idx" ON "allocations" USING btree ("org_id","source_invoice_id");--> statement-breakpoint
CREATE INDEX "refunds_customer_idx" ON "refunds" USING btree ("org_id","customer_id","refunded_on");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "refunds" USING btree ("org_id","payment_id");--> statement-breakpoint
CREATE INDEX "refunds_source_idx" ON "refunds" USING btree ("org_id","source_invoice_id");--> statement-breakpoint
CREATE INDEX "invoices_customer_kind_issue_idx" ON "invoices" USING btree ("org_id","customer_id","kind","issue_date","id");--> statement-breakpoint
CREATE INDEX "payments_customer_paid_on_idx" ON "payments" USING btree ("org_id","customer_id","paid_on","id");--> statement-breakpoint
-- Row-level security for the ledger (same scheme as 0001_security.sql): per customer, like payments.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['allocations','refunds'] LOOP
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
ALTER TABLE payments ADD CONSTRAINT payments_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE allocations ADD CONSTRAINT allocations_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE refunds ADD CONSTRAINT refunds_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE allocations ADD CONSTRAINT allocations_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE allocations ADD CONSTRAINT allocations_payment_fk FOREIGN KEY (org_id, payment_id) REFERENCES payments(org_id, id);
--> statement-breakpoint
ALTER TABLE allocations ADD CONSTRAINT allocations_source_fk FOREIGN KEY (org_id, source_invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE allocations ADD CONSTRAINT allocations_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE allocations ADD CONSTRAINT allocations_refund_fk FOREIGN KEY (org_id, refund_id) REFERENCES refunds(org_id, id);
--> statement-breakpoint
ALTER TABLE refunds ADD CONSTRAINT refunds_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE refunds ADD CONSTRAINT refunds_payment_fk FOREIGN KEY (org_id, payment_id) REFERENCES payments(org_id, id);
--> statement-breakpoint
ALTER TABLE refunds ADD CONSTRAINT refunds_source_fk FOREIGN KEY (org_id, source_invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_corrects_fk FOREIGN KEY (org_id, corrects_invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_kind_check CHECK (kind IN ('invoice', 'retainer', 'credit_note'));
--> statement-breakpoint
-- Existing payments move into allocations (each paid exactly one invoice), get a receipt number from a new
-- "RC" series, and the credit note ("R") and retainer ("AN") series are created. Written per organisation
-- in its own staff scope, so it works whether or not the migrating role bypasses RLS.
DO $$
DECLARE
  ids uuid[];
  langs text[];
  i int;
  rc uuid;
BEGIN
  PERFORM set_config('app.scope', 'system', true);
  SELECT coalesce(array_agg(id ORDER BY id), '{}'), coalesce(array_agg(language ORDER BY id), '{}')
    INTO ids, langs FROM organisations;
  FOR i IN 1 .. coalesce(array_length(ids, 1), 0) LOOP
    PERFORM set_config('app.scope', 'staff', true), set_config('app.org_id', ids[i]::text, true);
    INSERT INTO number_series (org_id, document_type, name, prefix, is_default)
      SELECT ids[i], 'credit_note', CASE WHEN langs[i] = 'es' THEN 'Facturas rectificativas' ELSE 'Credit notes' END, 'R', true
       WHERE NOT EXISTS (SELECT 1 FROM number_series s WHERE s.org_id = ids[i] AND s.document_type = 'credit_note');
    INSERT INTO number_series (org_id, document_type, name, prefix, is_default)
      SELECT ids[i], 'retainer', CASE WHEN langs[i] = 'es' THEN 'Facturas de anticipo' ELSE 'Retainer invoices' END, 'AN', true
       WHERE NOT EXISTS (SELECT 1 FROM number_series s WHERE s.org_id = ids[i] AND s.document_type = 'retainer');
    INSERT INTO number_series (org_id, document_type, name, prefix, is_default)
      SELECT ids[i], 'receipt', CASE WHEN langs[i] = 'es' THEN 'Recibos' ELSE 'Receipts' END, 'RC', true
       WHERE NOT EXISTS (SELECT 1 FROM number_series s WHERE s.org_id = ids[i] AND s.document_type = 'receipt');
    SELECT id INTO rc FROM number_series WHERE org_id = ids[i] AND document_type = 'receipt' AND is_default;
    UPDATE payments p SET paid_on = (p.paid_at AT TIME ZONE coalesce(o.time_zone, 'UTC'))::date
      FROM organisations o WHERE o.id = p.org_id AND p.org_id = ids[i];
    WITH numbered AS (
      SELECT id, extract(year FROM paid_on)::int AS y,
             row_number() OVER (PARTITION BY extract(year FROM paid_on) ORDER BY paid_at, id) AS n
        FROM payments WHERE org_id = ids[i])
    UPDATE payments p SET number = 'RC' || numbered.y || '-' || lpad(numbered.n::text, 4, '0')
      FROM numbered WHERE numbered.id = p.id;
    INSERT INTO number_counters (org_id, series_id, year, last_number)
      SELECT ids[i], rc, extract(year FROM paid_on)::int, count(*) FROM payments
       WHERE org_id = ids[i] GROUP BY extract(year FROM paid_on);
    INSERT INTO allocations (org_id, customer_id, payment_id, invoice_id, amount_minor, applied_on, created_at)
      SELECT org_id, customer_id, id, invoice_id, amount_minor, paid_on, created_at FROM payments
       WHERE org_id = ids[i];
    UPDATE checkout_sessions SET allocations =
      jsonb_build_array(jsonb_build_object('invoiceId', invoice_id, 'amountMinor', amount_minor))
      WHERE org_id = ids[i];
  END LOOP;
  PERFORM set_config('app.scope', '', true), set_config('app.org_id', '', true);
END $$;
--> statement-breakpoint
ALTER TABLE "checkout_sessions" ALTER COLUMN "allocations" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "paid_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "checkout_sessions" DROP COLUMN "invoice_id";--> statement-breakpoint
ALTER TABLE "payments" DROP COLUMN "invoice_id";
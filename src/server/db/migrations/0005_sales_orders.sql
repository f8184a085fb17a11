CREATE TABLE "sales_order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"sales_order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"quantity_milli" integer NOT NULL,
	"invoiced_quantity_milli" integer DEFAULT 0 NOT NULL,
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
CREATE TABLE "sales_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"number" text,
	"year" integer,
	"sequence" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"issue_date" date NOT NULL,
	"delivery_date" date,
	"currency" text NOT NULL,
	"reference" text,
	"notes" text,
	"terms" text,
	"subtotal_minor" bigint DEFAULT 0 NOT NULL,
	"discount_minor" bigint DEFAULT 0 NOT NULL,
	"net_minor" bigint DEFAULT 0 NOT NULL,
	"tax_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint DEFAULT 0 NOT NULL,
	"tax_breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"customer_snapshot" jsonb,
	"quote_id" uuid,
	"confirmed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"viewed_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "sales_order_line_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "sales_order_id" uuid;--> statement-breakpoint
CREATE INDEX "sales_order_lines_order_idx" ON "sales_order_lines" USING btree ("sales_order_id","position");--> statement-breakpoint
CREATE INDEX "sales_orders_customer_idx" ON "sales_orders" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_orders_number_key" ON "sales_orders" USING btree ("org_id","series_id","year","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_orders_quote_key" ON "sales_orders" USING btree ("org_id","quote_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_sales_order_line_idx" ON "invoice_lines" USING btree ("org_id","sales_order_line_id");--> statement-breakpoint
CREATE INDEX "invoices_sales_order_idx" ON "invoices" USING btree ("org_id","sales_order_id");--> statement-breakpoint
-- Row-level security for sales orders (same scheme as 0001_security.sql): per customer, like invoices.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sales_orders','sales_order_lines'] LOOP
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
ALTER TABLE sales_orders ADD CONSTRAINT sales_orders_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE sales_order_lines ADD CONSTRAINT sales_order_lines_org_id_key UNIQUE (org_id, id);
--> statement-breakpoint
ALTER TABLE sales_orders ADD CONSTRAINT sales_orders_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE sales_orders ADD CONSTRAINT sales_orders_series_fk FOREIGN KEY (org_id, series_id) REFERENCES number_series(org_id, id);
--> statement-breakpoint
ALTER TABLE sales_orders ADD CONSTRAINT sales_orders_quote_fk FOREIGN KEY (org_id, quote_id) REFERENCES quotes(org_id, id);
--> statement-breakpoint
ALTER TABLE sales_order_lines ADD CONSTRAINT sales_order_lines_order_fk FOREIGN KEY (org_id, sales_order_id) REFERENCES sales_orders(org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_sales_order_fk FOREIGN KEY (org_id, sales_order_id) REFERENCES sales_orders(org_id, id);
--> statement-breakpoint
ALTER TABLE invoice_lines ADD CONSTRAINT invoice_lines_sales_order_line_fk FOREIGN KEY (org_id, sales_order_line_id) REFERENCES sales_order_lines(org_id, id);
--> statement-breakpoint
-- The default sales order series ("PV") for organisations created before sales orders existed. Written
-- per organisation in its own staff scope, so it works whether or not the migrating role bypasses RLS.
DO $$
DECLARE
  ids uuid[];
  langs text[];
  i int;
BEGIN
  PERFORM set_config('app.scope', 'system', true);
  SELECT coalesce(array_agg(id ORDER BY id), '{}'), coalesce(array_agg(language ORDER BY id), '{}')
    INTO ids, langs FROM organisations;
  FOR i IN 1 .. coalesce(array_length(ids, 1), 0) LOOP
    PERFORM set_config('app.scope', 'staff', true), set_config('app.org_id', ids[i]::text, true);
    INSERT INTO number_series (org_id, document_type, name, prefix, is_default)
      SELECT ids[i], 'sales_order', CASE WHEN langs[i] = 'es' THEN 'Pedidos de venta' ELSE 'Sales orders' END, 'PV', true
       WHERE NOT EXISTS (SELECT 1 FROM number_series s WHERE s.org_id = ids[i] AND s.document_type = 'sales_order');
  END LOOP;
  PERFORM set_config('app.scope', '', true), set_config('app.org_id', '', true);
END $$;

CREATE TABLE "verifactu_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sequence" integer NOT NULL,
	"id_emisor_factura" text NOT NULL,
	"nombre_razon_emisor" text NOT NULL,
	"num_serie_factura" text NOT NULL,
	"fecha_expedicion_factura" date NOT NULL,
	"tipo_factura" text,
	"desglose" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cuota_total" text,
	"importe_total" text,
	"fecha_hora_huso_gen_registro" text NOT NULL,
	"huella_anterior" text NOT NULL,
	"huella" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "verifactu_records_sequence_key" ON "verifactu_records" USING btree ("org_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "verifactu_records_previous_key" ON "verifactu_records" USING btree ("org_id","huella_anterior");--> statement-breakpoint
CREATE INDEX "verifactu_records_invoice_idx" ON "verifactu_records" USING btree ("org_id","invoice_id");
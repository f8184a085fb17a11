-- Hand-written (issue 17 §1, decision 049). VERI*FACTU billing records are append-only: the app role may
-- only read and insert them, and a trigger refuses every UPDATE and DELETE whoever runs it (the tables'
-- owner included), so a stored record can never change under its fingerprint. TRUNCATE is not the app
-- role's to run (the test harness empties its databases with it). Staff of the organisation read and write
-- its records; a contact reads the records of its own customer's invoices (for the portal's QR).
ALTER TABLE verifactu_records ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE verifactu_records FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON verifactu_records FROM portico_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON verifactu_records TO portico_app;
--> statement-breakpoint
CREATE POLICY verifactu_records_staff_read ON verifactu_records FOR SELECT
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'staff');
--> statement-breakpoint
CREATE POLICY verifactu_records_staff_insert ON verifactu_records FOR INSERT
  WITH CHECK (org_id = (select app_org_id()) AND (select app_scope()) = 'staff');
--> statement-breakpoint
CREATE POLICY verifactu_records_contact_read ON verifactu_records FOR SELECT
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'contact' AND customer_id = (select app_customer_id()));
--> statement-breakpoint
ALTER TABLE verifactu_records
  ADD CONSTRAINT verifactu_records_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id),
  ADD CONSTRAINT verifactu_records_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id),
  ADD CONSTRAINT verifactu_records_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id),
  ADD CONSTRAINT verifactu_records_kind_check CHECK (kind IN ('alta', 'anulacion')),
  ADD CONSTRAINT verifactu_records_sequence_check CHECK (sequence >= 1),
  ADD CONSTRAINT verifactu_records_huella_check CHECK (huella ~ '^[0-9A-F]{64}$'),
  ADD CONSTRAINT verifactu_records_previous_check CHECK (huella_anterior = '' OR huella_anterior ~ '^[0-9A-F]{64}$'),
  ADD CONSTRAINT verifactu_records_alta_check CHECK (
    (kind = 'alta' AND tipo_factura IN ('F1', 'F2', 'F3', 'R1', 'R2', 'R3', 'R4', 'R5')
      AND cuota_total IS NOT NULL AND importe_total IS NOT NULL)
    OR (kind = 'anulacion' AND tipo_factura IS NULL AND cuota_total IS NULL AND importe_total IS NULL));
--> statement-breakpoint
CREATE FUNCTION verifactu_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'verifactu_records are append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER verifactu_records_append_only BEFORE UPDATE OR DELETE ON verifactu_records
  FOR EACH ROW EXECUTE FUNCTION verifactu_records_append_only();

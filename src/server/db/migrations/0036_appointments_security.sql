-- Hand-written (issue 16 §3, decision 045). Availability belongs to the organisation's staff; contacts
-- read it (it is what the portal offers). An appointment belongs to its customer: staff reach every
-- one of the organisation, a contact its own customer's. No double booking, by the database itself:
-- two booked appointments of one organisation never have overlapping blocked ranges (buffers included,
-- half-open, so one ending at 10:00 and one starting at 10:00 both fit).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE appointment_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE appointment_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE appointments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE appointments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON appointment_settings, appointments TO portico_app;
--> statement-breakpoint
CREATE POLICY tenant_staff ON appointment_settings
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'staff')
  WITH CHECK (org_id = (select app_org_id()) AND (select app_scope()) = 'staff');
--> statement-breakpoint
CREATE POLICY contact_read ON appointment_settings FOR SELECT
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'contact');
--> statement-breakpoint
CREATE POLICY tenant_staff ON appointments
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'staff')
  WITH CHECK (org_id = (select app_org_id()) AND (select app_scope()) = 'staff');
--> statement-breakpoint
CREATE POLICY contact_own ON appointments
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'contact' AND customer_id = (select app_customer_id()))
  WITH CHECK (org_id = (select app_org_id()) AND (select app_scope()) = 'contact' AND customer_id = (select app_customer_id()));
--> statement-breakpoint
ALTER TABLE appointment_settings ADD CONSTRAINT appointment_settings_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id);
--> statement-breakpoint
ALTER TABLE appointments
  ADD CONSTRAINT appointments_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id),
  ADD CONSTRAINT appointments_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id),
  ADD CONSTRAINT appointments_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id),
  ADD CONSTRAINT appointments_status_check CHECK (status IN ('booked', 'cancelled')),
  ADD CONSTRAINT appointments_cancelled_by_check CHECK (cancelled_by IN ('contact', 'staff')),
  ADD CONSTRAINT appointments_times_check CHECK (starts_at < ends_at
    AND lower(blocked) <= starts_at AND upper(blocked) >= ends_at
    AND lower_inc(blocked) AND NOT upper_inc(blocked)),
  ADD CONSTRAINT appointments_no_overlap EXCLUDE USING gist (org_id WITH =, blocked WITH &&)
    WHERE (status = 'booked');
--> statement-breakpoint
CREATE INDEX appointments_org_starts_idx ON appointments (org_id, starts_at);
--> statement-breakpoint
-- The busy time of the caller's organisation (blocked ranges of booked appointments, nothing else), so a
-- contact's slot list leaves out other customers' bookings without reading them. It runs as the owner
-- with the staff scope of the caller's own organisation (app_org_id(), set from its verified session);
-- the SET clause restores the caller's scope at exit.
CREATE FUNCTION appointment_busy(p_from timestamptz, p_to timestamptz)
RETURNS TABLE (busy_from timestamptz, busy_to timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET app.scope = 'staff' AS $$
  SELECT lower(a.blocked), upper(a.blocked)
    FROM public.appointments a
   WHERE a.org_id = public.app_org_id() AND a.status = 'booked'
     AND a.blocked && pg_catalog.tstzrange(p_from, p_to, '[)')
   ORDER BY 1;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION appointment_busy(timestamptz, timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION appointment_busy(timestamptz, timestamptz) TO portico_app;

-- Hand-written (issue 16 §2, decision 044). Staff of the organisation read its reviews (and may delete
-- them only with the organisation); a contact reads and writes the reviews of its own customer: the
-- service narrows that to the contact's own review, the policy keeps other customers out.
ALTER TABLE reviews ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE reviews FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON reviews TO portico_app;
--> statement-breakpoint
CREATE POLICY reviews_staff_read ON reviews FOR SELECT
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'staff');
--> statement-breakpoint
CREATE POLICY reviews_staff_delete ON reviews FOR DELETE
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'staff');
--> statement-breakpoint
CREATE POLICY reviews_contact_read ON reviews FOR SELECT
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'contact' AND customer_id = (select app_customer_id()));
--> statement-breakpoint
CREATE POLICY reviews_contact_insert ON reviews FOR INSERT
  WITH CHECK (org_id = (select app_org_id()) AND (select app_scope()) = 'contact' AND customer_id = (select app_customer_id()));
--> statement-breakpoint
CREATE POLICY reviews_contact_update ON reviews FOR UPDATE
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'contact' AND customer_id = (select app_customer_id()))
  WITH CHECK (org_id = (select app_org_id()) AND (select app_scope()) = 'contact' AND customer_id = (select app_customer_id()));
--> statement-breakpoint
-- A review's contact belongs to the review's customer, of the same organisation.
ALTER TABLE contacts ADD CONSTRAINT contacts_org_customer_id_key UNIQUE (org_id, customer_id, id);
--> statement-breakpoint
ALTER TABLE reviews
  ADD CONSTRAINT reviews_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id),
  ADD CONSTRAINT reviews_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id),
  ADD CONSTRAINT reviews_contact_fk FOREIGN KEY (org_id, customer_id, contact_id)
    REFERENCES contacts(org_id, customer_id, id),
  ADD CONSTRAINT reviews_rating_check CHECK (rating BETWEEN 1 AND 5),
  ADD CONSTRAINT reviews_body_check CHECK (char_length(body) <= 2000);
--> statement-breakpoint
ALTER TABLE memberships ADD CONSTRAINT memberships_muted_notifications_check
  CHECK (jsonb_typeof(muted_notifications) = 'array');

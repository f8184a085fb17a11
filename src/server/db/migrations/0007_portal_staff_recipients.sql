-- A contact's action may email the organisation (C5: invoice viewed, details updated, a comment) in the
-- same transaction: the contact scope may queue an email of its own organisation, and read who its owners
-- and admins are (the recipients when the organisation has no email address). Nothing else of staff.
-- These policies were first written into 0002 after it had been released, so a database migrated before
-- then never got them; they live here, dropped first so a database that did get them ends the same.
DROP POLICY IF EXISTS emails_from_portal ON emails;
--> statement-breakpoint
CREATE POLICY emails_from_portal ON emails FOR INSERT
  WITH CHECK (org_id = app_org_id() AND app_scope() = 'contact');
--> statement-breakpoint
DROP POLICY IF EXISTS memberships_managers_for_portal ON memberships;
--> statement-breakpoint
CREATE POLICY memberships_managers_for_portal ON memberships FOR SELECT
  USING (org_id = app_org_id() AND app_scope() = 'contact' AND role IN ('owner', 'admin'));
--> statement-breakpoint
DROP POLICY IF EXISTS users_managers_for_portal ON users;
--> statement-breakpoint
CREATE POLICY users_managers_for_portal ON users FOR SELECT
  USING (app_scope() = 'contact' AND EXISTS (
    SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.org_id = app_org_id() AND m.role IN ('owner', 'admin')));

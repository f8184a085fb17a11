-- Hand-written (issue 14, decision 047). Every row-level security policy calls app_scope(), app_org_id()
-- and app_customer_id() as `(select …)`: PostgreSQL evaluates such an uncorrelated subquery once per
-- statement (an InitPlan) instead of once per row it filters. The conditions are otherwise exactly the
-- previous ones (generated once from pg_policies after migration 0031, one ALTER POLICY per policy, then
-- committed); a new policy should be written in this form (decision 047).
ALTER POLICY tenant_customer ON allocations
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY tenant_auth ON api_keys
  USING ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text))))
  WITH CHECK ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text))));
--> statement-breakpoint
ALTER POLICY audit_from_portal ON audit_events
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))));
--> statement-breakpoint
ALTER POLICY audit_from_system ON audit_events
  WITH CHECK (((select app_scope()) = 'system'::text));
--> statement-breakpoint
ALTER POLICY audit_staff ON audit_events
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY tenant_auth ON checkout_sessions
  USING ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())))))
  WITH CHECK ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())))));
--> statement-breakpoint
ALTER POLICY comments_contact_insert ON comments
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())) AND (author_kind = 'contact'::text) AND visible_in_portal AND (EXISTS ( SELECT 1 FROM contacts c WHERE ((c.id = comments.author_contact_id) AND (c.customer_id = (select app_customer_id())))))));
--> statement-breakpoint
ALTER POLICY comments_contact_read ON comments
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())) AND (visible_in_portal OR (author_kind = 'contact'::text))));
--> statement-breakpoint
ALTER POLICY comments_staff ON comments
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY tenant_auth ON contact_sessions
  USING ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())))))
  WITH CHECK ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())))));
--> statement-breakpoint
ALTER POLICY tenant_customer ON contacts
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY tenant_customer ON customers
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY tenant_auth ON document_links
  USING ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())))))
  WITH CHECK ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())))));
--> statement-breakpoint
ALTER POLICY tenant_customer ON document_shares
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY emails_delivery ON emails
  USING (((select app_scope()) = 'system'::text))
  WITH CHECK (((select app_scope()) = 'system'::text));
--> statement-breakpoint
ALTER POLICY emails_from_portal ON emails
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text)));
--> statement-breakpoint
ALTER POLICY tenant_staff ON emails
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY tenant_staff ON gateway_credentials
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY tenant_staff ON gateway_events
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY import_jobs_runner ON import_jobs
  USING (((select app_scope()) = 'system'::text));
--> statement-breakpoint
ALTER POLICY import_jobs_staff ON import_jobs
  USING ((((select app_scope()) = 'staff'::text) AND (org_id = (select app_org_id()))))
  WITH CHECK ((((select app_scope()) = 'staff'::text) AND (org_id = (select app_org_id()))));
--> statement-breakpoint
ALTER POLICY tenant_customer ON invoice_lines
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY invoice_reminders_staff ON invoice_reminders
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY tenant_customer ON invoices
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY jobs_enqueue_contact ON jobs
  WITH CHECK ((((select app_scope()) = 'contact'::text) AND (org_id = (select app_org_id()))));
--> statement-breakpoint
ALTER POLICY jobs_runner ON jobs
  USING (((select app_scope()) = 'system'::text))
  WITH CHECK (((select app_scope()) = 'system'::text));
--> statement-breakpoint
ALTER POLICY jobs_staff ON jobs
  USING ((((select app_scope()) = 'staff'::text) AND (org_id = (select app_org_id()))))
  WITH CHECK ((((select app_scope()) = 'staff'::text) AND (org_id = (select app_org_id()))));
--> statement-breakpoint
ALTER POLICY signin_only ON login_attempts
  USING (((select app_scope()) = 'system'::text))
  WITH CHECK (((select app_scope()) = 'system'::text));
--> statement-breakpoint
ALTER POLICY memberships_create ON memberships
  WITH CHECK (((select app_scope()) = 'system'::text));
--> statement-breakpoint
ALTER POLICY memberships_managers_for_portal ON memberships
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (role = ANY (ARRAY['owner'::text, 'admin'::text]))));
--> statement-breakpoint
ALTER POLICY memberships_signin ON memberships
  USING (((select app_scope()) = 'system'::text));
--> statement-breakpoint
ALTER POLICY tenant_staff ON memberships
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY notifications_from_portal ON notifications
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text)));
--> statement-breakpoint
ALTER POLICY tenant_staff ON notifications
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY tenant_staff ON number_counters
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY tenant_staff ON number_series
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY org_create ON organisations
  WITH CHECK (((select app_scope()) = 'system'::text));
--> statement-breakpoint
ALTER POLICY org_delete ON organisations
  USING (((id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY org_read ON organisations
  USING ((((select app_scope()) = 'system'::text) OR ((id = (select app_org_id())) AND ((select app_scope()) = ANY (ARRAY['staff'::text, 'contact'::text])))));
--> statement-breakpoint
ALTER POLICY org_write ON organisations
  USING (((id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY tenant_customer ON payments
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY slug_history ON portal_slug_history
  USING ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text))))
  WITH CHECK ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text))));
--> statement-breakpoint
ALTER POLICY tenant_auth ON portal_tokens
  USING ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())))))
  WITH CHECK ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())))));
--> statement-breakpoint
ALTER POLICY contact_read ON project_tasks
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())) AND (EXISTS ( SELECT 1 FROM projects p WHERE ((p.org_id = project_tasks.org_id) AND (p.id = project_tasks.project_id) AND p.visible_in_portal)))));
--> statement-breakpoint
ALTER POLICY tenant_staff ON project_tasks
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY contact_read ON projects
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())) AND visible_in_portal));
--> statement-breakpoint
ALTER POLICY tenant_staff ON projects
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY tenant_customer ON quote_acceptances
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY tenant_customer ON quote_lines
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY tenant_customer ON quotes
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY recurring_tick ON recurring_profiles
  USING (((select app_scope()) = 'system'::text));
--> statement-breakpoint
ALTER POLICY tenant_staff ON recurring_profiles
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY tenant_customer ON refunds
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY reminder_settings_staff ON reminder_settings
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY reminder_settings_task ON reminder_settings
  USING (((select app_scope()) = 'system'::text));
--> statement-breakpoint
ALTER POLICY tenant_customer ON sales_order_lines
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY tenant_customer ON sales_orders
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY tenant_customer ON saved_payment_methods
  USING (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))))
  WITH CHECK (((org_id = (select app_org_id())) AND (((select app_scope()) = 'staff'::text) OR (((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id()))))));
--> statement-breakpoint
ALTER POLICY tenant_auth ON staff_invitations
  USING ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text))))
  WITH CHECK ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text))));
--> statement-breakpoint
ALTER POLICY signin_only ON staff_password_tokens
  USING (((select app_scope()) = 'system'::text))
  WITH CHECK (((select app_scope()) = 'system'::text));
--> statement-breakpoint
ALTER POLICY signin_only ON staff_recovery_codes
  USING (((select app_scope()) = 'system'::text))
  WITH CHECK (((select app_scope()) = 'system'::text));
--> statement-breakpoint
ALTER POLICY tenant_auth ON staff_sessions
  USING ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text))))
  WITH CHECK ((((select app_scope()) = 'system'::text) OR ((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text))));
--> statement-breakpoint
ALTER POLICY tenant_staff ON taxes
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY contact_decide ON time_entries
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())) AND (approval_status = 'pending'::text) AND (EXISTS ( SELECT 1 FROM projects p WHERE ((p.org_id = time_entries.org_id) AND (p.id = time_entries.project_id) AND p.visible_in_portal)))))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())) AND (approval_status = ANY (ARRAY['approved'::text, 'rejected'::text]))));
--> statement-breakpoint
ALTER POLICY contact_read ON time_entries
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())) AND (EXISTS ( SELECT 1 FROM projects p WHERE ((p.org_id = time_entries.org_id) AND (p.id = time_entries.project_id) AND p.visible_in_portal)))));
--> statement-breakpoint
ALTER POLICY tenant_staff ON time_entries
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY contact_decide ON timesheets
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())) AND (status = 'pending'::text) AND (EXISTS ( SELECT 1 FROM projects p WHERE ((p.org_id = timesheets.org_id) AND (p.id = timesheets.project_id) AND p.visible_in_portal)))))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())) AND (status = ANY (ARRAY['approved'::text, 'rejected'::text])) AND (decided_by_contact_id IS NOT NULL) AND (decided_by_user_id IS NULL)));
--> statement-breakpoint
ALTER POLICY contact_read ON timesheets
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'contact'::text) AND (customer_id = (select app_customer_id())) AND (EXISTS ( SELECT 1 FROM projects p WHERE ((p.org_id = timesheets.org_id) AND (p.id = timesheets.project_id) AND p.visible_in_portal)))));
--> statement-breakpoint
ALTER POLICY tenant_staff ON timesheets
  USING (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)))
  WITH CHECK (((org_id = (select app_org_id())) AND ((select app_scope()) = 'staff'::text)));
--> statement-breakpoint
ALTER POLICY users_access ON users
  USING ((((select app_scope()) = 'system'::text) OR (((select app_scope()) = 'staff'::text) AND (EXISTS ( SELECT 1 FROM memberships m WHERE ((m.user_id = users.id) AND (m.org_id = (select app_org_id()))))))))
  WITH CHECK (((select app_scope()) = 'system'::text));
--> statement-breakpoint
ALTER POLICY users_managers_for_portal ON users
  USING ((((select app_scope()) = 'contact'::text) AND (EXISTS ( SELECT 1 FROM memberships m WHERE ((m.user_id = users.id) AND (m.org_id = (select app_org_id())) AND (m.role = ANY (ARRAY['owner'::text, 'admin'::text])))))));

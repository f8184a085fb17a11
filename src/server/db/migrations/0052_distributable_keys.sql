-- Issue 18, decision 057: every tenant table keyed so that it can be distributed by org_id (Citus). Written from
-- drizzle-kit's output (which cannot name the primary keys it replaces) and the catalogue of migration 0049.
--
-- 1. The foreign keys that rest on the UNIQUE (org_id, id) constraints, and saved_payment_methods' reference to
--    contacts(id) alone, are dropped for the time of the change (re-added in 4, unchanged, resting on the new keys).
ALTER TABLE allocations DROP CONSTRAINT allocations_api_key_fk;
--> statement-breakpoint
ALTER TABLE allocations DROP CONSTRAINT allocations_customer_fk;
--> statement-breakpoint
ALTER TABLE allocations DROP CONSTRAINT allocations_invoice_fk;
--> statement-breakpoint
ALTER TABLE allocations DROP CONSTRAINT allocations_payment_fk;
--> statement-breakpoint
ALTER TABLE allocations DROP CONSTRAINT allocations_refund_fk;
--> statement-breakpoint
ALTER TABLE allocations DROP CONSTRAINT allocations_source_fk;
--> statement-breakpoint
ALTER TABLE appointments DROP CONSTRAINT appointments_contact_fk;
--> statement-breakpoint
ALTER TABLE appointments DROP CONSTRAINT appointments_customer_fk;
--> statement-breakpoint
ALTER TABLE comments DROP CONSTRAINT comments_api_key_fk;
--> statement-breakpoint
ALTER TABLE comments DROP CONSTRAINT comments_contact_fk;
--> statement-breakpoint
ALTER TABLE comments DROP CONSTRAINT comments_customer_fk;
--> statement-breakpoint
ALTER TABLE contact_sessions DROP CONSTRAINT contact_sessions_contact_fk;
--> statement-breakpoint
ALTER TABLE contacts DROP CONSTRAINT contacts_customer_fk;
--> statement-breakpoint
ALTER TABLE document_links DROP CONSTRAINT document_links_contact_fk;
--> statement-breakpoint
ALTER TABLE document_shares DROP CONSTRAINT document_shares_contact_fk;
--> statement-breakpoint
ALTER TABLE document_shares DROP CONSTRAINT document_shares_customer_fk;
--> statement-breakpoint
ALTER TABLE document_shares DROP CONSTRAINT document_shares_sharer_fk;
--> statement-breakpoint
ALTER TABLE invoice_lines DROP CONSTRAINT invoice_lines_invoice_fk;
--> statement-breakpoint
ALTER TABLE invoice_lines DROP CONSTRAINT invoice_lines_sales_order_line_fk;
--> statement-breakpoint
ALTER TABLE invoice_reminders DROP CONSTRAINT invoice_reminders_customer_fk;
--> statement-breakpoint
ALTER TABLE invoice_reminders DROP CONSTRAINT invoice_reminders_invoice_fk;
--> statement-breakpoint
ALTER TABLE invoices DROP CONSTRAINT invoices_corrects_fk;
--> statement-breakpoint
ALTER TABLE invoices DROP CONSTRAINT invoices_customer_fk;
--> statement-breakpoint
ALTER TABLE invoices DROP CONSTRAINT invoices_quote_fk;
--> statement-breakpoint
ALTER TABLE invoices DROP CONSTRAINT invoices_recurring_profile_fk;
--> statement-breakpoint
ALTER TABLE invoices DROP CONSTRAINT invoices_sales_order_fk;
--> statement-breakpoint
ALTER TABLE invoices DROP CONSTRAINT invoices_series_fk;
--> statement-breakpoint
ALTER TABLE message_threads DROP CONSTRAINT message_threads_contact_fk;
--> statement-breakpoint
ALTER TABLE message_threads DROP CONSTRAINT message_threads_customer_fk;
--> statement-breakpoint
ALTER TABLE messages DROP CONSTRAINT messages_contact_fk;
--> statement-breakpoint
ALTER TABLE number_counters DROP CONSTRAINT number_counters_series_fk;
--> statement-breakpoint
ALTER TABLE payments DROP CONSTRAINT payments_api_key_fk;
--> statement-breakpoint
ALTER TABLE payments DROP CONSTRAINT payments_contact_fk;
--> statement-breakpoint
ALTER TABLE payments DROP CONSTRAINT payments_customer_fk;
--> statement-breakpoint
ALTER TABLE portal_tokens DROP CONSTRAINT portal_tokens_contact_fk;
--> statement-breakpoint
ALTER TABLE projects DROP CONSTRAINT projects_customer_fk;
--> statement-breakpoint
ALTER TABLE quote_acceptances DROP CONSTRAINT quote_acceptances_contact_fk;
--> statement-breakpoint
ALTER TABLE quote_acceptances DROP CONSTRAINT quote_acceptances_quote_fk;
--> statement-breakpoint
ALTER TABLE quote_lines DROP CONSTRAINT quote_lines_quote_fk;
--> statement-breakpoint
ALTER TABLE quotes DROP CONSTRAINT quotes_customer_fk;
--> statement-breakpoint
ALTER TABLE quotes DROP CONSTRAINT quotes_invoice_fk;
--> statement-breakpoint
ALTER TABLE quotes DROP CONSTRAINT quotes_previous_fk;
--> statement-breakpoint
ALTER TABLE quotes DROP CONSTRAINT quotes_series_fk;
--> statement-breakpoint
ALTER TABLE recurring_profiles DROP CONSTRAINT recurring_profiles_customer_fk;
--> statement-breakpoint
ALTER TABLE refunds DROP CONSTRAINT refunds_api_key_fk;
--> statement-breakpoint
ALTER TABLE refunds DROP CONSTRAINT refunds_customer_fk;
--> statement-breakpoint
ALTER TABLE refunds DROP CONSTRAINT refunds_payment_fk;
--> statement-breakpoint
ALTER TABLE refunds DROP CONSTRAINT refunds_source_fk;
--> statement-breakpoint
ALTER TABLE reviews DROP CONSTRAINT reviews_customer_fk;
--> statement-breakpoint
ALTER TABLE sales_order_lines DROP CONSTRAINT sales_order_lines_order_fk;
--> statement-breakpoint
ALTER TABLE sales_orders DROP CONSTRAINT sales_orders_customer_fk;
--> statement-breakpoint
ALTER TABLE sales_orders DROP CONSTRAINT sales_orders_quote_fk;
--> statement-breakpoint
ALTER TABLE sales_orders DROP CONSTRAINT sales_orders_series_fk;
--> statement-breakpoint
ALTER TABLE saved_payment_methods DROP CONSTRAINT saved_payment_methods_contact_fk;
--> statement-breakpoint
ALTER TABLE time_entries DROP CONSTRAINT time_entries_invoice_fk;
--> statement-breakpoint
ALTER TABLE time_entries DROP CONSTRAINT time_entries_timesheet_fk;
--> statement-breakpoint
ALTER TABLE timesheets DROP CONSTRAINT timesheets_decided_by_contact_fk;
--> statement-breakpoint
ALTER TABLE verifactu_records DROP CONSTRAINT verifactu_records_customer_fk;
--> statement-breakpoint
ALTER TABLE verifactu_records DROP CONSTRAINT verifactu_records_invoice_fk;
--> statement-breakpoint
-- The UNIQUE (org_id, id) constraints (0001, 0003, 0005, 0006, 0013, 0026, 0032) are the new primary keys.
ALTER TABLE allocations DROP CONSTRAINT allocations_org_id_key;
--> statement-breakpoint
ALTER TABLE api_keys DROP CONSTRAINT api_keys_org_id_key;
--> statement-breakpoint
ALTER TABLE contacts DROP CONSTRAINT contacts_org_id_key;
--> statement-breakpoint
ALTER TABLE customers DROP CONSTRAINT customers_org_id_key;
--> statement-breakpoint
ALTER TABLE invoices DROP CONSTRAINT invoices_org_id_key;
--> statement-breakpoint
ALTER TABLE number_series DROP CONSTRAINT number_series_org_id_key;
--> statement-breakpoint
ALTER TABLE payments DROP CONSTRAINT payments_org_id_key;
--> statement-breakpoint
ALTER TABLE project_tasks DROP CONSTRAINT project_tasks_org_id_key;
--> statement-breakpoint
ALTER TABLE projects DROP CONSTRAINT projects_org_id_key;
--> statement-breakpoint
ALTER TABLE quotes DROP CONSTRAINT quotes_org_id_key;
--> statement-breakpoint
ALTER TABLE recurring_profiles DROP CONSTRAINT recurring_profiles_org_id_key;
--> statement-breakpoint
ALTER TABLE refunds DROP CONSTRAINT refunds_org_id_key;
--> statement-breakpoint
ALTER TABLE sales_order_lines DROP CONSTRAINT sales_order_lines_org_id_key;
--> statement-breakpoint
ALTER TABLE sales_orders DROP CONSTRAINT sales_orders_org_id_key;
--> statement-breakpoint
ALTER TABLE time_entries DROP CONSTRAINT time_entries_org_id_key;
--> statement-breakpoint
ALTER TABLE timesheets DROP CONSTRAINT timesheets_org_id_key;
--> statement-breakpoint
-- 2. Primary keys (id) become (org_id, id), under the same names; number_counters' takes org_id too.
ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_pkey";
--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_pkey";
--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "comments_pkey";
--> statement-breakpoint
ALTER TABLE "document_shares" DROP CONSTRAINT "document_shares_pkey";
--> statement-breakpoint
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_pkey";
--> statement-breakpoint
ALTER TABLE "customers" DROP CONSTRAINT "customers_pkey";
--> statement-breakpoint
ALTER TABLE "email_templates" DROP CONSTRAINT "email_templates_pkey";
--> statement-breakpoint
ALTER TABLE "emails" DROP CONSTRAINT "emails_pkey";
--> statement-breakpoint
ALTER TABLE "gateway_events" DROP CONSTRAINT "gateway_events_pkey";
--> statement-breakpoint
ALTER TABLE "import_jobs" DROP CONSTRAINT "import_jobs_pkey";
--> statement-breakpoint
ALTER TABLE "invoice_lines" DROP CONSTRAINT "invoice_lines_pkey";
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_pkey";
--> statement-breakpoint
ALTER TABLE "number_series" DROP CONSTRAINT "number_series_pkey";
--> statement-breakpoint
ALTER TABLE "message_attachments" DROP CONSTRAINT "message_attachments_pkey";
--> statement-breakpoint
ALTER TABLE "message_threads" DROP CONSTRAINT "message_threads_pkey";
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_pkey";
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_pkey";
--> statement-breakpoint
ALTER TABLE "allocations" DROP CONSTRAINT "allocations_pkey";
--> statement-breakpoint
ALTER TABLE "checkout_sessions" DROP CONSTRAINT "checkout_sessions_pkey";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_pkey";
--> statement-breakpoint
ALTER TABLE "refunds" DROP CONSTRAINT "refunds_pkey";
--> statement-breakpoint
ALTER TABLE "contact_sessions" DROP CONSTRAINT "contact_sessions_pkey";
--> statement-breakpoint
ALTER TABLE "document_links" DROP CONSTRAINT "document_links_pkey";
--> statement-breakpoint
ALTER TABLE "portal_tokens" DROP CONSTRAINT "portal_tokens_pkey";
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_pkey";
--> statement-breakpoint
ALTER TABLE "project_tasks" DROP CONSTRAINT "project_tasks_pkey";
--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_pkey";
--> statement-breakpoint
ALTER TABLE "time_entries" DROP CONSTRAINT "time_entries_pkey";
--> statement-breakpoint
ALTER TABLE "timesheets" DROP CONSTRAINT "timesheets_pkey";
--> statement-breakpoint
ALTER TABLE "quote_acceptances" DROP CONSTRAINT "quote_acceptances_pkey";
--> statement-breakpoint
ALTER TABLE "quote_lines" DROP CONSTRAINT "quote_lines_pkey";
--> statement-breakpoint
ALTER TABLE "quotes" DROP CONSTRAINT "quotes_pkey";
--> statement-breakpoint
ALTER TABLE "recurring_profiles" DROP CONSTRAINT "recurring_profiles_pkey";
--> statement-breakpoint
ALTER TABLE "invoice_reminders" DROP CONSTRAINT "invoice_reminders_pkey";
--> statement-breakpoint
ALTER TABLE "reviews" DROP CONSTRAINT "reviews_pkey";
--> statement-breakpoint
ALTER TABLE "sales_order_lines" DROP CONSTRAINT "sales_order_lines_pkey";
--> statement-breakpoint
ALTER TABLE "sales_orders" DROP CONSTRAINT "sales_orders_pkey";
--> statement-breakpoint
ALTER TABLE "saved_payment_methods" DROP CONSTRAINT "saved_payment_methods_pkey";
--> statement-breakpoint
ALTER TABLE "taxes" DROP CONSTRAINT "taxes_pkey";
--> statement-breakpoint
ALTER TABLE "staff_invitations" DROP CONSTRAINT "staff_invitations_pkey";
--> statement-breakpoint
ALTER TABLE "staff_sessions" DROP CONSTRAINT "staff_sessions_pkey";
--> statement-breakpoint
ALTER TABLE "verifactu_records" DROP CONSTRAINT "verifactu_records_pkey";
--> statement-breakpoint
ALTER TABLE "number_counters" DROP CONSTRAINT "number_counters_series_id_year_pk";
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "email_templates" ADD CONSTRAINT "email_templates_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "gateway_events" ADD CONSTRAINT "gateway_events_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "number_counters" ADD CONSTRAINT "number_counters_org_id_series_id_year_pk" PRIMARY KEY("org_id","series_id","year");
--> statement-breakpoint
ALTER TABLE "number_series" ADD CONSTRAINT "number_series_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD CONSTRAINT "checkout_sessions_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "contact_sessions" ADD CONSTRAINT "contact_sessions_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "portal_tokens" ADD CONSTRAINT "portal_tokens_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "timesheets" ADD CONSTRAINT "timesheets_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "quote_acceptances" ADD CONSTRAINT "quote_acceptances_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "recurring_profiles" ADD CONSTRAINT "recurring_profiles_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "invoice_reminders" ADD CONSTRAINT "invoice_reminders_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "sales_order_lines" ADD CONSTRAINT "sales_order_lines_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "sales_orders" ADD CONSTRAINT "sales_orders_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "saved_payment_methods" ADD CONSTRAINT "saved_payment_methods_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "taxes" ADD CONSTRAINT "taxes_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "verifactu_records" ADD CONSTRAINT "verifactu_records_pkey" PRIMARY KEY("org_id","id");
--> statement-breakpoint
-- 3. Unique keys that lacked org_id take it (tokens and secret hashes lead with the hash, which their lookups know);
--    a plain index on id for the tables read by id alone in the system scope (sessions, links, outbox, runners).
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_ics_uid_unique";
--> statement-breakpoint
DROP INDEX "api_keys_secret_key";
--> statement-breakpoint
DROP INDEX "invoices_recurring_key";
--> statement-breakpoint
DROP INDEX "contact_sessions_token_key";
--> statement-breakpoint
DROP INDEX "document_links_token_key";
--> statement-breakpoint
DROP INDEX "portal_tokens_token_key";
--> statement-breakpoint
DROP INDEX "invoice_reminders_invoice_kind_key";
--> statement-breakpoint
DROP INDEX "staff_invitations_token_key";
--> statement-breakpoint
DROP INDEX "staff_sessions_token_key";
--> statement-breakpoint
CREATE INDEX "api_keys_id_idx" ON "api_keys" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "emails_id_idx" ON "emails" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "import_jobs_id_idx" ON "import_jobs" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "checkout_sessions_id_idx" ON "checkout_sessions" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "contact_sessions_id_idx" ON "contact_sessions" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "document_links_id_idx" ON "document_links" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "portal_tokens_id_idx" ON "portal_tokens" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "recurring_profiles_id_idx" ON "recurring_profiles" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "staff_invitations_id_idx" ON "staff_invitations" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "staff_sessions_id_idx" ON "staff_sessions" USING btree ("id");
--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_key" ON "api_keys" USING btree ("secret_hash","org_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_recurring_key" ON "invoices" USING btree ("org_id","recurring_profile_id","recurring_occurrence_date");
--> statement-breakpoint
CREATE UNIQUE INDEX "contact_sessions_token_key" ON "contact_sessions" USING btree ("token_hash","org_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "document_links_token_key" ON "document_links" USING btree ("token_hash","org_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "portal_tokens_token_key" ON "portal_tokens" USING btree ("token_hash","org_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_reminders_invoice_kind_key" ON "invoice_reminders" USING btree ("org_id","invoice_id","kind");
--> statement-breakpoint
CREATE UNIQUE INDEX "staff_invitations_token_key" ON "staff_invitations" USING btree ("token_hash","org_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "staff_sessions_token_key" ON "staff_sessions" USING btree ("token_hash","org_id");
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_ics_uid_unique" UNIQUE("org_id","ics_uid");
--> statement-breakpoint
-- 4. The foreign keys again, as they were, now resting on the (org_id, id) primary keys; saved_payment_methods'
--    reference to its contact includes org_id like every other.
ALTER TABLE allocations ADD CONSTRAINT allocations_api_key_fk FOREIGN KEY (org_id, api_key_id) REFERENCES api_keys(org_id, id);
--> statement-breakpoint
ALTER TABLE allocations ADD CONSTRAINT allocations_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE allocations ADD CONSTRAINT allocations_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE allocations ADD CONSTRAINT allocations_payment_fk FOREIGN KEY (org_id, payment_id) REFERENCES payments(org_id, id);
--> statement-breakpoint
ALTER TABLE allocations ADD CONSTRAINT allocations_refund_fk FOREIGN KEY (org_id, refund_id) REFERENCES refunds(org_id, id);
--> statement-breakpoint
ALTER TABLE allocations ADD CONSTRAINT allocations_source_fk FOREIGN KEY (org_id, source_invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE comments ADD CONSTRAINT comments_api_key_fk FOREIGN KEY (org_id, api_key_id) REFERENCES api_keys(org_id, id);
--> statement-breakpoint
ALTER TABLE comments ADD CONSTRAINT comments_contact_fk FOREIGN KEY (org_id, author_contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE comments ADD CONSTRAINT comments_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE contact_sessions ADD CONSTRAINT contact_sessions_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE contacts ADD CONSTRAINT contacts_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE document_links ADD CONSTRAINT document_links_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE document_shares ADD CONSTRAINT document_shares_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE document_shares ADD CONSTRAINT document_shares_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE document_shares ADD CONSTRAINT document_shares_sharer_fk FOREIGN KEY (org_id, shared_by_contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE invoice_lines ADD CONSTRAINT invoice_lines_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE invoice_lines ADD CONSTRAINT invoice_lines_sales_order_line_fk FOREIGN KEY (org_id, sales_order_line_id) REFERENCES sales_order_lines(org_id, id);
--> statement-breakpoint
ALTER TABLE invoice_reminders ADD CONSTRAINT invoice_reminders_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE invoice_reminders ADD CONSTRAINT invoice_reminders_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_corrects_fk FOREIGN KEY (org_id, corrects_invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_quote_fk FOREIGN KEY (org_id, quote_id) REFERENCES quotes(org_id, id);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_recurring_profile_fk FOREIGN KEY (org_id, recurring_profile_id) REFERENCES recurring_profiles(org_id, id) ON DELETE SET NULL (recurring_profile_id);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_sales_order_fk FOREIGN KEY (org_id, sales_order_id) REFERENCES sales_orders(org_id, id);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_series_fk FOREIGN KEY (org_id, series_id) REFERENCES number_series(org_id, id);
--> statement-breakpoint
ALTER TABLE message_threads ADD CONSTRAINT message_threads_contact_fk FOREIGN KEY (org_id, created_by_contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE message_threads ADD CONSTRAINT message_threads_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE messages ADD CONSTRAINT messages_contact_fk FOREIGN KEY (org_id, author_contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE number_counters ADD CONSTRAINT number_counters_series_fk FOREIGN KEY (org_id, series_id) REFERENCES number_series(org_id, id);
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_api_key_fk FOREIGN KEY (org_id, api_key_id) REFERENCES api_keys(org_id, id);
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE portal_tokens ADD CONSTRAINT portal_tokens_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE projects ADD CONSTRAINT projects_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE quote_acceptances ADD CONSTRAINT quote_acceptances_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE quote_acceptances ADD CONSTRAINT quote_acceptances_quote_fk FOREIGN KEY (org_id, quote_id) REFERENCES quotes(org_id, id);
--> statement-breakpoint
ALTER TABLE quote_lines ADD CONSTRAINT quote_lines_quote_fk FOREIGN KEY (org_id, quote_id) REFERENCES quotes(org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE quotes ADD CONSTRAINT quotes_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE quotes ADD CONSTRAINT quotes_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE quotes ADD CONSTRAINT quotes_previous_fk FOREIGN KEY (org_id, previous_id) REFERENCES quotes(org_id, id);
--> statement-breakpoint
ALTER TABLE quotes ADD CONSTRAINT quotes_series_fk FOREIGN KEY (org_id, series_id) REFERENCES number_series(org_id, id);
--> statement-breakpoint
ALTER TABLE recurring_profiles ADD CONSTRAINT recurring_profiles_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE refunds ADD CONSTRAINT refunds_api_key_fk FOREIGN KEY (org_id, api_key_id) REFERENCES api_keys(org_id, id);
--> statement-breakpoint
ALTER TABLE refunds ADD CONSTRAINT refunds_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE refunds ADD CONSTRAINT refunds_payment_fk FOREIGN KEY (org_id, payment_id) REFERENCES payments(org_id, id);
--> statement-breakpoint
ALTER TABLE refunds ADD CONSTRAINT refunds_source_fk FOREIGN KEY (org_id, source_invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE reviews ADD CONSTRAINT reviews_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE sales_order_lines ADD CONSTRAINT sales_order_lines_order_fk FOREIGN KEY (org_id, sales_order_id) REFERENCES sales_orders(org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE sales_orders ADD CONSTRAINT sales_orders_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE sales_orders ADD CONSTRAINT sales_orders_quote_fk FOREIGN KEY (org_id, quote_id) REFERENCES quotes(org_id, id);
--> statement-breakpoint
ALTER TABLE sales_orders ADD CONSTRAINT sales_orders_series_fk FOREIGN KEY (org_id, series_id) REFERENCES number_series(org_id, id);
--> statement-breakpoint
ALTER TABLE saved_payment_methods ADD CONSTRAINT saved_payment_methods_contact_fk FOREIGN KEY (org_id, contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE time_entries ADD CONSTRAINT time_entries_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id);
--> statement-breakpoint
ALTER TABLE time_entries ADD CONSTRAINT time_entries_timesheet_fk FOREIGN KEY (org_id, timesheet_id) REFERENCES timesheets(org_id, id);
--> statement-breakpoint
ALTER TABLE timesheets ADD CONSTRAINT timesheets_decided_by_contact_fk FOREIGN KEY (org_id, decided_by_contact_id) REFERENCES contacts(org_id, id);
--> statement-breakpoint
ALTER TABLE verifactu_records ADD CONSTRAINT verifactu_records_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id);
--> statement-breakpoint
ALTER TABLE verifactu_records ADD CONSTRAINT verifactu_records_invoice_fk FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id);

CREATE INDEX "customers_list_name_idx" ON "customers" USING btree ("org_id","name","id");--> statement-breakpoint
CREATE INDEX "customers_list_created_idx" ON "customers" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "invoices_list_date_idx" ON "invoices" USING btree ("org_id","issue_date","id");--> statement-breakpoint
CREATE INDEX "invoices_list_number_idx" ON "invoices" USING btree ("org_id",coalesce("number", ''),"id");--> statement-breakpoint
CREATE INDEX "invoices_list_customer_idx" ON "invoices" USING btree ("org_id",coalesce("customer_snapshot" ->> 'name', ''),"id");--> statement-breakpoint
CREATE INDEX "invoices_list_amount_idx" ON "invoices" USING btree ("org_id","total_minor","id");--> statement-breakpoint
CREATE INDEX "invoices_list_status_idx" ON "invoices" USING btree ("org_id","status","id");--> statement-breakpoint
CREATE INDEX "invoices_list_due_idx" ON "invoices" USING btree ("org_id",coalesce("due_date", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "payments_list_date_idx" ON "payments" USING btree ("org_id","paid_on","id");--> statement-breakpoint
CREATE INDEX "payments_list_amount_idx" ON "payments" USING btree ("org_id","amount_minor","id");--> statement-breakpoint
CREATE INDEX "quotes_list_date_idx" ON "quotes" USING btree ("org_id","issue_date","id");--> statement-breakpoint
CREATE INDEX "quotes_list_number_idx" ON "quotes" USING btree ("org_id",coalesce("number", ''),"id");--> statement-breakpoint
CREATE INDEX "quotes_list_customer_idx" ON "quotes" USING btree ("org_id",coalesce("customer_snapshot" ->> 'name', ''),"id");--> statement-breakpoint
CREATE INDEX "quotes_list_amount_idx" ON "quotes" USING btree ("org_id","total_minor","id");--> statement-breakpoint
CREATE INDEX "quotes_list_status_idx" ON "quotes" USING btree ("org_id","status","id");--> statement-breakpoint
CREATE INDEX "sales_orders_list_date_idx" ON "sales_orders" USING btree ("org_id","issue_date","id");--> statement-breakpoint
CREATE INDEX "sales_orders_list_number_idx" ON "sales_orders" USING btree ("org_id",coalesce("number", ''),"id");--> statement-breakpoint
CREATE INDEX "sales_orders_list_customer_idx" ON "sales_orders" USING btree ("org_id",coalesce("customer_snapshot" ->> 'name', ''),"id");--> statement-breakpoint
CREATE INDEX "sales_orders_list_amount_idx" ON "sales_orders" USING btree ("org_id","total_minor","id");--> statement-breakpoint
CREATE INDEX "sales_orders_list_status_idx" ON "sales_orders" USING btree ("org_id","status","id");
CREATE INDEX "invoices_number_prefix_idx" ON "invoices" USING btree ("org_id","number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "invoices_sequence_idx" ON "invoices" USING btree ("org_id","sequence");--> statement-breakpoint
CREATE INDEX "quotes_number_prefix_idx" ON "quotes" USING btree ("org_id","number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "quotes_sequence_idx" ON "quotes" USING btree ("org_id","sequence");--> statement-breakpoint
CREATE INDEX "sales_orders_number_prefix_idx" ON "sales_orders" USING btree ("org_id","number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sales_orders_sequence_idx" ON "sales_orders" USING btree ("org_id","sequence");
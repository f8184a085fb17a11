DROP INDEX "emails_org_created_idx";--> statement-breakpoint
DROP INDEX "notifications_org_created_idx";--> statement-breakpoint
CREATE INDEX "appointments_list_start_idx" ON "appointments" USING btree ("org_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "jobs_list_created_idx" ON "jobs" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "emails_org_created_idx" ON "emails" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_org_created_idx" ON "notifications" USING btree ("org_id","created_at","id");
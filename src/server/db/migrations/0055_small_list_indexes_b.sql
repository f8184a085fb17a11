ALTER TABLE "recurring_profiles" ADD COLUMN "net_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing profiles: Σ line nets as computeTotals rounds them (half away from zero, per line).
UPDATE "recurring_profiles" p SET "net_minor" = coalesce((
  SELECT sum(g.gross - round(g.gross * (l->>'discountBp')::numeric / 10000))
  FROM jsonb_array_elements(p."lines") l,
    LATERAL (SELECT round((l->>'quantityMilli')::numeric * (l->>'unitPriceMinor')::numeric / 1000) AS gross) g
), 0);--> statement-breakpoint
CREATE INDEX "projects_list_name_idx" ON "projects" USING btree ("org_id","name","id");--> statement-breakpoint
CREATE INDEX "projects_list_created_idx" ON "projects" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "timesheets_list_period_idx" ON "timesheets" USING btree ("org_id","period_from","id");--> statement-breakpoint
CREATE INDEX "recurring_profiles_list_next_idx" ON "recurring_profiles" USING btree ("org_id",coalesce("next_date", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "recurring_profiles_list_name_idx" ON "recurring_profiles" USING btree ("org_id","name","id");--> statement-breakpoint
CREATE INDEX "recurring_profiles_list_amount_idx" ON "recurring_profiles" USING btree ("org_id","net_minor","id");--> statement-breakpoint
CREATE INDEX "reviews_list_updated_idx" ON "reviews" USING btree ("org_id","updated_at","id") WHERE withdrawn_at is null;--> statement-breakpoint
CREATE INDEX "reviews_list_rating_idx" ON "reviews" USING btree ("org_id","rating","id") WHERE withdrawn_at is null;
ALTER TABLE "invoices" ADD COLUMN "rectification_type" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "rectification_method" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "rectification_reason" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "rectified_invoices" jsonb;
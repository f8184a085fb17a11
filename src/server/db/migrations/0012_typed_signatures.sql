ALTER TABLE "quote_acceptances" ADD COLUMN "signature_kind" text DEFAULT 'drawn' NOT NULL;--> statement-breakpoint
ALTER TABLE "quote_acceptances" ADD COLUMN "signature_text" text;--> statement-breakpoint
-- Hand-written (issue 10, typed signatures): only the two kinds the application writes.
ALTER TABLE "quote_acceptances" ADD CONSTRAINT "quote_acceptances_signature_kind_check" CHECK ("signature_kind" IN ('drawn', 'typed'));

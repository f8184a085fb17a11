CREATE TABLE "signing_certificates" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"nonce" "bytea" NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"tag" "bytea" NOT NULL,
	"subject" text NOT NULL,
	"issuer" text NOT NULL,
	"serial_number" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"nif" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "dir3_accounting_office" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "dir3_managing_body" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "dir3_processing_unit" text;
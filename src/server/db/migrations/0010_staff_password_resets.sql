CREATE TABLE "staff_password_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "login_attempts" ADD COLUMN "account_key" text;--> statement-breakpoint
ALTER TABLE "staff_password_tokens" ADD CONSTRAINT "staff_password_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_password_tokens_token_key" ON "staff_password_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "staff_password_tokens_user_idx" ON "staff_password_tokens" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "login_attempts_account_idx" ON "login_attempts" USING btree ("account_key");--> statement-breakpoint
-- Hand-written (decision 016), kept at the end: staff password reset tokens are read and written only in
-- the system scope (forgot / reset pages, before any session), like login_attempts in 0002_portal_access.sql.
ALTER TABLE staff_password_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE staff_password_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON staff_password_tokens TO portico_app;
--> statement-breakpoint
CREATE POLICY signin_only ON staff_password_tokens
  USING (app_scope() = 'system') WITH CHECK (app_scope() = 'system');

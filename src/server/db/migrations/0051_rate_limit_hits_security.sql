-- Hand-written (issue 18, decision 056). The request limits' counters span organisations (keyed by route
-- and client address, or API key), like login_attempts (0002_portal_access.sql): only the system scope
-- reaches them, so no tenant's session can read which addresses or keys were limited.
ALTER TABLE rate_limit_hits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rate_limit_hits FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_hits TO portico_app;
--> statement-breakpoint
CREATE POLICY rate_limits_system ON rate_limit_hits
  USING ((select app_scope()) = 'system') WITH CHECK ((select app_scope()) = 'system');

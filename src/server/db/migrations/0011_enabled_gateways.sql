ALTER TABLE "invoices" ALTER COLUMN "gateways" SET DEFAULT '{}';--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "enabled_gateways" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- Hand-written (issue 9): organisations that existed before this setting offered the sandbox on every
-- invoice; they keep it (it only works where the server turns the sandbox on: never in production unless
-- PORTICO_DEMO=1). Organisations created from now on enable none until they configure one. Written per
-- organisation in its own staff scope, so it works whether or not the migrating role bypasses RLS.
DO $$
DECLARE
  ids uuid[];
  i int;
BEGIN
  PERFORM set_config('app.scope', 'system', true);
  SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO ids FROM organisations;
  FOR i IN 1 .. coalesce(array_length(ids, 1), 0) LOOP
    PERFORM set_config('app.scope', 'staff', true), set_config('app.org_id', ids[i]::text, true);
    UPDATE organisations SET enabled_gateways = '{sandbox}' WHERE id = ids[i];
  END LOOP;
  PERFORM set_config('app.scope', '', true), set_config('app.org_id', '', true);
END $$;

-- One statement resolves a request's principal and sets its scope (decision 031). Each function runs as
-- the owner (SECURITY DEFINER) and reads under the same policies as before, step by step: 'system' for
-- the slug and the session, then the principal's own scope for the rest, which it leaves set (SET LOCAL
-- semantics: set_config(…, true)) for the request's transaction. It has no SET clause on purpose: one
-- would restore the app.* settings at its exit; every name is schema-qualified instead. The caller
-- switches to portico_app in the same statement (a security-definer function may not set the role).
-- Each returns the organisation's row too, so the request loads it once (loadOrganisation).
-- A failed resolution leaves no scope set, so the transaction sees nothing. The portal's takes the hashes
-- of every contact cookie of the request (one per organisation, D7): only one can be of this slug's.
CREATE OR REPLACE FUNCTION set_request_scope(p_scope text, p_org uuid, p_customer uuid) RETURNS void
LANGUAGE sql VOLATILE AS $$
  SELECT pg_catalog.set_config('app.scope', coalesce(p_scope, ''), true),
         pg_catalog.set_config('app.org_id', coalesce(p_org::text, ''), true),
         pg_catalog.set_config('app.customer_id', coalesce(p_customer::text, ''), true);
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_request_scope(
  p_slug text, p_token_hashes text[], p_now timestamptz, p_idle_after timestamptz, p_touch_before timestamptz)
RETURNS TABLE (org_row public.organisations, session uuid, customer uuid, contact uuid, preview boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$
DECLARE
  s record;
  org uuid;
BEGIN
  PERFORM public.set_request_scope('system', NULL, NULL);
  SELECT o.* INTO org_row FROM public.organisations o WHERE o.portal_slug = pg_catalog.lower(p_slug);
  IF NOT FOUND THEN
    PERFORM public.set_request_scope(NULL, NULL, NULL);
    RETURN;
  END IF;
  org := org_row.id;
  IF org_row.portal_enabled AND p_token_hashes IS NOT NULL THEN
    SELECT cs.id, cs.customer_id, cs.contact_id, cs.origin, cs.last_seen_at INTO s
      FROM public.contact_sessions cs
     WHERE cs.token_hash = ANY (p_token_hashes) AND cs.org_id = org
       AND cs.expires_at > p_now AND cs.last_seen_at > p_idle_after;
    IF FOUND THEN
      -- The contact and its customer still exist and its access is on (D4), read in the contact's scope.
      PERFORM public.set_request_scope('contact', org, s.customer_id);
      PERFORM 1 FROM public.contacts c JOIN public.customers cu ON cu.id = c.customer_id
        WHERE c.id = s.contact_id AND c.deleted_at IS NULL AND c.portal_enabled AND cu.deleted_at IS NULL;
      IF FOUND THEN
        IF s.last_seen_at < p_touch_before THEN
          UPDATE public.contact_sessions cs SET last_seen_at = p_now WHERE cs.id = s.id;
        END IF;
        session := s.id;
        customer := s.customer_id;
        contact := s.contact_id;
        preview := s.origin = 'preview';
      END IF;
    END IF;
  END IF;
  IF session IS NULL THEN
    PERFORM public.set_request_scope(NULL, NULL, NULL);
  END IF;
  RETURN NEXT;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION staff_request_scope(
  p_token_hash text, p_now timestamptz, p_idle_after timestamptz, p_touch_before timestamptz)
RETURNS TABLE (org_row public.organisations, session uuid, user_id uuid, role text, two_factor_setup_required boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$
DECLARE seen timestamptz; org uuid;
BEGIN
  PERFORM public.set_request_scope('system', NULL, NULL);
  -- A session counts only while its membership exists and is not disabled (issue 12 §3).
  SELECT ss.id, ss.user_id, ss.org_id, m.role, o.require_two_factor AND u.totp_enabled_at IS NULL, ss.last_seen_at
    INTO session, user_id, org, role, two_factor_setup_required, seen
    FROM public.staff_sessions ss
    JOIN public.memberships m ON m.user_id = ss.user_id AND m.org_id = ss.org_id AND m.disabled_at IS NULL
    JOIN public.organisations o ON o.id = ss.org_id
    JOIN public.users u ON u.id = ss.user_id
   WHERE ss.token_hash = p_token_hash AND ss.expires_at > p_now AND ss.last_seen_at > p_idle_after;
  IF NOT FOUND THEN
    PERFORM public.set_request_scope(NULL, NULL, NULL);
    RETURN;
  END IF;
  IF seen < p_touch_before THEN
    UPDATE public.staff_sessions ss SET last_seen_at = p_now WHERE ss.id = session;
  END IF;
  PERFORM public.set_request_scope('staff', org, NULL);
  SELECT o.* INTO org_row FROM public.organisations o WHERE o.id = org;
  RETURN NEXT;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal_request_scope(text, text[], timestamptz, timestamptz, timestamptz) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION staff_request_scope(text, timestamptz, timestamptz, timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION portal_request_scope(text, text[], timestamptz, timestamptz, timestamptz) TO portico_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION staff_request_scope(text, timestamptz, timestamptz, timestamptz) TO portico_app;

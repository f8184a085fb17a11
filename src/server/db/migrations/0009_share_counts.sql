-- E14: sharing is limited per organisation and day too, but a contact's scope sees only its own customer's
-- shares. This counts the shares of the current organisation (app.org_id) made after an instant, and
-- returns nothing else; the staff scope it needs holds for the duration of the call only.
CREATE OR REPLACE FUNCTION org_document_shares_since(since timestamptz) RETURNS integer
  LANGUAGE sql STABLE SET app.scope = 'staff' AS
$$ SELECT count(*)::int FROM document_shares WHERE org_id = app_org_id() AND created_at > since $$;

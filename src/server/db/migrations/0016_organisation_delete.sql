-- Hand-written (issue 12 §1): the owner deletes the organisation in its own staff scope, after every
-- tenant row of it (modules/organisation-data/delete.service.ts). Only its own row, only from staff.
CREATE POLICY org_delete ON organisations FOR DELETE
  USING (id = app_org_id() AND app_scope() = 'staff');

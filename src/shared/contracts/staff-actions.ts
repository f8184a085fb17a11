import { z } from "zod";

/**
 * Every action the back office checks (issue 12 §3), closed: the server's policy
 * (modules/team/staff-policy.ts) decides each one per role, and `GET /api/auth/me` sends the allowed
 * ones, so the web hides exactly what the server refuses. "work.*" is documents, customers, payments,
 * comments and reading settings: every role has it, and a route that names no action gets it.
 */
export const STAFF_ACTIONS = [
  "work.read",
  "work.write",
  "organisation.update",
  "taxes.manage",
  "portal_settings.update",
  "gateways.update",
  "payments.gateways",
  "email_templates.manage",
  "api_keys.manage",
  "team.read",
  "team.manage",
  "ownership.manage",
  "billing.manage",
  "organisation.delete",
] as const;
export const staffAction = z.enum(STAFF_ACTIONS);
export type StaffAction = z.infer<typeof staffAction>;

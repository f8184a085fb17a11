import { STAFF_ACTIONS, type StaffAction } from "../../../shared/contracts/staff-actions.js";

export type StaffRole = "owner" | "admin" | "staff";
export type { StaffAction };

/**
 * Who acts in the back office. A signed-in person acts by the role of their membership; an API key
 * (issue 12 §4) will join this union as `{ apiKey: { scope } }`, decided in `can()` below, so every
 * route keeps one check whoever calls it.
 */
export type StaffActor = { role: StaffRole };

/** A signed-in person acting on the team: their organisation and their own id besides their role. */
export interface TeamActor extends StaffActor {
  orgId: string;
  userId: string;
}

const RANK: Record<StaffRole, number> = { staff: 0, admin: 1, owner: 2 };

/**
 * The least role that may do each action (issue 12 §3). Owners may do everything; admins everything
 * but what touches owners, billing and deleting the organisation; staff do the daily work (documents,
 * customers, payments, comments). Taxes are organisation settings, so admin: a staff member picks a
 * tax on a line but does not create or change the organisation's rates.
 */
export const MIN_ROLE: Record<StaffAction, StaffRole> = {
  "work.read": "staff",
  "work.write": "staff",
  "organisation.update": "admin",
  "taxes.manage": "admin",
  "portal_settings.update": "admin",
  "gateways.update": "admin",
  "payments.gateways": "admin",
  "email_templates.manage": "admin",
  "api_keys.manage": "admin",
  "team.read": "admin",
  "team.manage": "admin",
  "ownership.manage": "owner",
  "billing.manage": "owner",
  "organisation.delete": "owner",
};

export function can(actor: StaffActor, action: StaffAction): boolean {
  return RANK[actor.role] >= RANK[MIN_ROLE[action]];
}

/** What the back office may show this actor: the same answers `can()` gives the routes. */
export function permissionsOf(actor: StaffActor): StaffAction[] {
  return STAFF_ACTIONS.filter((action) => can(actor, action));
}

/** A route that names no action is daily work: reading with GET (and HEAD), writing otherwise. */
export function defaultActionOf(method: string): StaffAction {
  return method === "GET" || method === "HEAD" ? "work.read" : "work.write";
}

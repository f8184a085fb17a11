import type { StaffPrincipal } from "../auth/auth.service.js";

/** Who may create, list and revoke the organisation's API keys (issue 12: owners and admins, not staff). */
export function canManageApiKeys(role: StaffPrincipal["role"]): boolean {
  return role === "owner" || role === "admin";
}

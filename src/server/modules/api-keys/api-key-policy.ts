import type { StaffPrincipal } from "../auth/auth.service.js";
import { can } from "../team/staff-policy.js";

/** Who may create, list and revoke the organisation's API keys: the staff policy's `api_keys.manage`. */
export function canManageApiKeys(role: StaffPrincipal["role"]): boolean {
  return can({ role }, "api_keys.manage");
}
